using System.Text;
using Microsoft.CodeAnalysis;

namespace Recsys.CodeGen;

/// <summary>The runtime types the generated code refers to, and how generated names are formed.</summary>
internal static class Names
{
    public const string GrainInterface = "Recsys.Runtime.IGrain";
    public const string ReadOnlyAttribute = "Recsys.Runtime.Concurrency.ReadOnlyAttribute";
    public const string AlwaysInterleaveAttribute = "Recsys.Runtime.Concurrency.AlwaysInterleaveAttribute";
    public const string GeneratedNamespace = "Recsys.Generated";

    public const string Invocation = "global::Recsys.Runtime.Invocation";
    public const string GrainReference = "global::Recsys.Runtime.GrainReference";

    /// <summary>Fully qualified, with nullable annotations, so explicit implementations match the interface.</summary>
    public static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static string TypeName(ITypeSymbol type) => type.ToDisplayString(TypeFormat);

    /// <summary>Turns a dotted, generic or nested name into a C# identifier.</summary>
    public static string Sanitize(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            sb.Append(char.IsLetterOrDigit(c) ? c : '_');
        }

        return sb.ToString();
    }

    /// <summary>FNV-1a over the method's name and parameter types: a method id that is stable across builds.</summary>
    public static uint MethodId(string signature)
    {
        uint hash = 2166136261;
        foreach (var c in signature)
        {
            hash ^= c;
            hash *= 16777619;
        }

        return hash;
    }
}
