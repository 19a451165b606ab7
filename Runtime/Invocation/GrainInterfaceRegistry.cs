using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Recsys.Runtime.Invocation;

/// <summary>
/// Process-wide table of grain interfaces, filled by the generated module initializers: for each interface a
/// proxy factory and its method descriptors; for each (interface, method id) the descriptor, for decoding calls.
/// </summary>
public static class GrainInterfaceRegistry
{
    private static readonly ConcurrentDictionary<Type, GrainInterfaceInfo> Interfaces = new();
    private static readonly ConcurrentDictionary<string, GrainInterfaceInfo> InterfacesByName = new();

    /// <summary>Called by generated code only.</summary>
    public static void Register(Type interfaceType, Func<GrainReferenceShared, GrainId, GrainReference> proxyFactory, MethodDescriptor[] methods)
    {
        var info = new GrainInterfaceInfo(interfaceType, proxyFactory, methods);
        if (Interfaces.TryAdd(interfaceType, info))
        {
            InterfacesByName.TryAdd(interfaceType.FullName!, info);
        }
    }

    public static GrainInterfaceInfo Get(Type interfaceType)
    {
        if (Interfaces.TryGetValue(interfaceType, out var info))
        {
            return info;
        }

        // typeof(T) alone does not run the declaring module's initializer; make sure it has run.
        RuntimeHelpers.RunModuleConstructor(interfaceType.Module.ModuleHandle);
        return Interfaces.TryGetValue(interfaceType, out info)
            ? info
            : throw new InvalidOperationException(
                $"{interfaceType.FullName} is not a known grain interface: it must extend IGrain and its assembly must be built with Recsys.CodeGen.");
    }

    public static bool TryGet(string interfaceFullName, out GrainInterfaceInfo info) =>
        InterfacesByName.TryGetValue(interfaceFullName, out info!);

    /// <summary>Makes sure the generated registrations of these assemblies have run.</summary>
    public static void EnsureLoaded(IEnumerable<System.Reflection.Assembly> assemblies)
    {
        foreach (var assembly in assemblies)
        {
            RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        }
    }
}

/// <summary>A registered grain interface: how to make its proxy and how to find a method by id.</summary>
public sealed class GrainInterfaceInfo
{
    public GrainInterfaceInfo(Type interfaceType, Func<GrainReferenceShared, GrainId, GrainReference> proxyFactory, MethodDescriptor[] methods)
    {
        InterfaceType = interfaceType;
        ProxyFactory = proxyFactory;
        Methods = methods;
    }

    public Type InterfaceType { get; }

    public Func<GrainReferenceShared, GrainId, GrainReference> ProxyFactory { get; }

    public IReadOnlyList<MethodDescriptor> Methods { get; }

    public MethodDescriptor? FindMethod(Type declaringInterface, uint methodId)
    {
        foreach (var method in Methods)
        {
            if (method.MethodId == methodId && method.InterfaceType == declaringInterface)
            {
                return method;
            }
        }

        return null;
    }
}
