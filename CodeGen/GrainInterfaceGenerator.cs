using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Recsys.CodeGen;

/// <summary>
/// Finds every grain interface declared in the compilation and writes, for each, a proxy (a grain reference that
/// implements the interface) and one invokable request type per method, then registers them at module load.
/// Calls through a proxy never use reflection: the request carries its arguments in typed fields.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class GrainInterfaceGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        context.RegisterSourceOutput(context.CompilationProvider, static (spc, compilation) => Execute(spc, compilation));
    }

    private static void Execute(SourceProductionContext context, Compilation compilation)
    {
        var grainMarker = compilation.GetTypeByMetadataName(Names.GrainInterface);
        if (grainMarker is null)
        {
            return; // the compilation does not reference the runtime
        }

        var interfaces = new List<INamedTypeSymbol>();
        CollectInterfaces(compilation.Assembly.GlobalNamespace, grainMarker, interfaces);
        if (interfaces.Count == 0)
        {
            return;
        }

        var writer = new ProxyWriter(compilation);
        var registrations = new StringBuilder();
        var emittedInvokables = new HashSet<string>();
        foreach (var grainInterface in interfaces)
        {
            var model = GrainInterfaceModel.Create(grainInterface, compilation, context);
            if (model is null)
            {
                continue;
            }

            var source = new StringBuilder();
            foreach (var method in model.Methods)
            {
                if (method.GenerateInvokable && emittedInvokables.Add(method.InvokableName))
                {
                    writer.WriteInvokable(source, method);
                }
            }

            writer.WriteProxy(source, model);
            context.AddSource(model.ProxyName + ".g.cs", SourceText.From(ProxyWriter.WrapFile(source.ToString()), Encoding.UTF8));
            writer.WriteRegistration(registrations, model);
        }

        var assemblyName = Names.Sanitize(compilation.AssemblyName ?? "Assembly");
        context.AddSource("GrainInterfaceRegistration.g.cs",
            SourceText.From(ProxyWriter.WrapRegistration(assemblyName, registrations.ToString()), Encoding.UTF8));
    }

    private static void CollectInterfaces(INamespaceSymbol ns, INamedTypeSymbol marker, List<INamedTypeSymbol> result)
    {
        foreach (var member in ns.GetMembers())
        {
            if (member is INamespaceSymbol child)
            {
                CollectInterfaces(child, marker, result);
            }
            else if (member is INamedTypeSymbol type)
            {
                CollectTypes(type, marker, result);
            }
        }
    }

    private static void CollectTypes(INamedTypeSymbol type, INamedTypeSymbol marker, List<INamedTypeSymbol> result)
    {
        if (type.TypeKind == TypeKind.Interface
            && type.AllInterfaces.Contains(marker, SymbolEqualityComparer.Default)
            && GrainInterfaceModel.AllMethods(type).Any())
        {
            result.Add(type);
        }

        foreach (var nested in type.GetTypeMembers())
        {
            CollectTypes(nested, marker, result);
        }
    }
}
