using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Recsys.CodeGen;

/// <summary>What the generator needs to know about one grain interface.</summary>
internal sealed class GrainInterfaceModel
{
    private static readonly DiagnosticDescriptor Unsupported = new(
        "RCG001", "Unsupported grain interface member",
        "Grain interface member {0}.{1} is not supported: {2}", "Recsys.CodeGen", DiagnosticSeverity.Error, true);

    private GrainInterfaceModel(INamedTypeSymbol symbol, List<GrainMethodModel> methods)
    {
        Symbol = symbol;
        Methods = methods;
        FullName = symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        ProxyName = Names.Sanitize(symbol.ToDisplayString()) + "_Proxy";
    }

    public INamedTypeSymbol Symbol { get; }
    public List<GrainMethodModel> Methods { get; }
    public string FullName { get; }
    public string ProxyName { get; }

    /// <summary>Methods declared on the interface and on every interface it extends.</summary>
    public static IEnumerable<IMethodSymbol> AllMethods(INamedTypeSymbol type) =>
        new[] { type }.Concat(type.AllInterfaces)
            .SelectMany(i => i.GetMembers().OfType<IMethodSymbol>())
            .Where(m => m.MethodKind == MethodKind.Ordinary && !m.IsStatic);

    public static GrainInterfaceModel? Create(INamedTypeSymbol symbol, Compilation compilation, SourceProductionContext context)
    {
        if (symbol.IsGenericType)
        {
            Report(context, symbol, symbol, "generic grain interfaces are not supported");
            return null;
        }

        foreach (var property in symbol.GetMembers().OfType<IPropertySymbol>())
        {
            Report(context, symbol, property, "grain interfaces may declare only methods");
        }

        var methods = new List<GrainMethodModel>();
        var ok = true;
        foreach (var method in AllMethods(symbol))
        {
            var model = GrainMethodModel.Create(method, compilation, out var problem);
            if (model is null)
            {
                Report(context, method.ContainingType, method, problem ?? "unsupported");
                ok = false;
                continue;
            }

            methods.Add(model);
        }

        return ok ? new GrainInterfaceModel(symbol, methods) : null;
    }

    private static void Report(SourceProductionContext context, INamedTypeSymbol owner, ISymbol member, string why) =>
        context.ReportDiagnostic(Diagnostic.Create(Unsupported, member.Locations.FirstOrDefault(), owner.Name, member.Name, why));
}

/// <summary>How a grain method returns: the four shapes Orleans allows.</summary>
internal enum ReturnShape
{
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}

/// <summary>One grain method: its request type name, id, flags and parameters.</summary>
internal sealed class GrainMethodModel
{
    public IMethodSymbol Symbol { get; private set; } = null!;
    public string DeclaringInterface { get; private set; } = "";
    public string Name { get; private set; } = "";
    public uint MethodId { get; private set; }
    public string InvokableName { get; private set; } = "";
    public bool GenerateInvokable { get; private set; }
    public ReturnShape Shape { get; private set; }
    public string ResultType { get; private set; } = "";
    public string ResultTypeOf { get; private set; } = "";
    public bool ReadOnly { get; private set; }
    public bool AlwaysInterleave { get; private set; }
    public List<(string Name, string Type, string TypeOfType)> Parameters { get; } = new();

    public static GrainMethodModel? Create(IMethodSymbol method, Compilation compilation, out string? problem)
    {
        problem = null;
        if (method.IsGenericMethod)
        {
            problem = "generic methods are not supported";
            return null;
        }

        var model = new GrainMethodModel
        {
            Symbol = method,
            Name = method.Name,
            DeclaringInterface = method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
        };

        if (!TryReadReturn(method.ReturnType, model, out problem))
        {
            return null;
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.None)
            {
                problem = "ref, out and in parameters are not supported";
                return null;
            }

            if (parameter.Type.ToDisplayString() == "System.Threading.CancellationToken")
            {
                problem = "CancellationToken parameters are not supported";
                return null;
            }

            model.Parameters.Add((parameter.Name, Names.TypeName(parameter.Type), parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)));
        }

        var signature = method.Name + "(" + string.Join(",", method.Parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))) + ")";
        model.MethodId = Names.MethodId(signature);
        model.InvokableName = Names.Sanitize(method.ContainingType.ToDisplayString()) + "_" + method.Name + "_" + model.MethodId.ToString("X8");
        model.ReadOnly = HasAttribute(method, Names.ReadOnlyAttribute);
        model.AlwaysInterleave = HasAttribute(method, Names.AlwaysInterleaveAttribute);

        // Invokables for interfaces of another assembly are reused when that assembly generated them.
        var existing = compilation.GetTypeByMetadataName(Names.GeneratedNamespace + "." + model.InvokableName);
        model.GenerateInvokable = SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly)
            || existing is null
            || existing.DeclaredAccessibility != Accessibility.Public;
        return model;
    }

    private static bool TryReadReturn(ITypeSymbol type, GrainMethodModel model, out string? problem)
    {
        problem = null;
        var name = type is INamedTypeSymbol named && named.IsGenericType
            ? named.ConstructedFrom.ToDisplayString()
            : type.ToDisplayString();
        switch (name)
        {
            case "System.Threading.Tasks.Task":
                model.Shape = ReturnShape.Task;
                model.ResultType = Names.Invocation + ".VoidResult";
                model.ResultTypeOf = model.ResultType;
                return true;
            case "System.Threading.Tasks.ValueTask":
                model.Shape = ReturnShape.ValueTask;
                model.ResultType = Names.Invocation + ".VoidResult";
                model.ResultTypeOf = model.ResultType;
                return true;
            case "System.Threading.Tasks.Task<TResult>":
                model.Shape = ReturnShape.TaskOfT;
                model.ResultType = Names.TypeName(((INamedTypeSymbol)type).TypeArguments[0]);
                model.ResultTypeOf = ((INamedTypeSymbol)type).TypeArguments[0].ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                return true;
            case "System.Threading.Tasks.ValueTask<TResult>":
                model.Shape = ReturnShape.ValueTaskOfT;
                model.ResultType = Names.TypeName(((INamedTypeSymbol)type).TypeArguments[0]);
                model.ResultTypeOf = ((INamedTypeSymbol)type).TypeArguments[0].ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                return true;
            default:
                problem = "grain methods must return Task, Task<T>, ValueTask or ValueTask<T>";
                return false;
        }
    }

    private static bool HasAttribute(IMethodSymbol method, string attribute) =>
        method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == attribute);
}
