namespace Recsys.Runtime.Invocation;

/// <summary>
/// Static facts about one grain interface method, written by the code generator: its stable id (a hash of name
/// and parameter types), interleaving flags, parameter and result types, and a factory for its request type.
/// </summary>
public sealed class MethodDescriptor
{
    public MethodDescriptor(Type interfaceType, string name, uint methodId, MethodFlags flags, Type[] parameterTypes, Type resultType, Func<Invokable> factory)
    {
        InterfaceType = interfaceType;
        Name = name;
        MethodId = methodId;
        Flags = flags;
        ParameterTypes = parameterTypes;
        ResultType = resultType;
        Factory = factory;
        FullName = interfaceType.Name + "." + name;
    }

    public Type InterfaceType { get; }

    public string Name { get; }

    /// <summary>"IInterface.Method", as metrics and errors name it.</summary>
    public string FullName { get; }

    public uint MethodId { get; }

    public MethodFlags Flags { get; }

    public bool IsReadOnly => (Flags & MethodFlags.ReadOnly) != 0;

    public bool IsAlwaysInterleave => (Flags & MethodFlags.AlwaysInterleave) != 0;

    public IReadOnlyList<Type> ParameterTypes { get; }

    public Type ResultType { get; }

    /// <summary>Creates an empty request of this method, for a receiver that reads the arguments off the wire.</summary>
    public Func<Invokable> Factory { get; }

    public override string ToString() => FullName;
}
