using Recsys.Runtime.Invocation;

namespace Recsys.Runtime;

/// <summary>What every reference to one grain interface from one runtime has in common.</summary>
public sealed class GrainReferenceShared
{
    public GrainReferenceShared(GrainInterfaceInfo interfaceInfo, IGrainCallInvoker invoker, IGrainFactory factory)
    {
        InterfaceInfo = interfaceInfo;
        Invoker = invoker;
        Factory = factory;
    }

    public GrainInterfaceInfo InterfaceInfo { get; }

    public IGrainCallInvoker Invoker { get; }

    public IGrainFactory Factory { get; }
}
