using System.Collections.Concurrent;
using Recsys.Runtime.Invocation;

namespace Recsys.Runtime;

/// <summary>The factory shared by a silo's grains and by clients: resolves the grain type, builds the proxy.</summary>
public sealed class GrainFactory : IGrainFactory
{
    private readonly IGrainCallInvoker _invoker;
    private readonly IGrainTypeResolver _types;
    private readonly ConcurrentDictionary<Type, GrainReferenceShared> _shared = new();
    private readonly ConcurrentDictionary<Type, (GrainReferenceShared Shared, string GrainType)> _described = new();
    private readonly Func<Type, GrainReferenceShared> _createShared;
    private readonly Func<Type, (GrainReferenceShared, string)> _describe;

    public GrainFactory(IGrainCallInvoker invoker, IGrainTypeResolver types)
    {
        _invoker = invoker;
        _types = types;
        _createShared = interfaceType => new GrainReferenceShared(GrainInterfaceRegistry.Get(interfaceType), _invoker, this);
        // The type name is validated (as a grain id would) and interned once here, so ids built from it skip both.
        _describe = interfaceType => (_shared.GetOrAdd(interfaceType, _createShared), new GrainId(_types.GetGrainType(interfaceType), string.Empty).Type);
    }

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey)
        where TGrainInterface : IGrainWithIntegerKey
    {
        var (shared, type) = Describe(typeof(TGrainInterface));
        return (TGrainInterface)(object)shared.InterfaceInfo.ProxyFactory(shared, GrainId.CreateInterned(type, primaryKey));
    }

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey)
        where TGrainInterface : IGrainWithStringKey
    {
        var (shared, type) = Describe(typeof(TGrainInterface));
        return (TGrainInterface)(object)shared.InterfaceInfo.ProxyFactory(shared, GrainId.Create(type, primaryKey));
    }

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey)
        where TGrainInterface : IGrainWithGuidKey
    {
        var (shared, type) = Describe(typeof(TGrainInterface));
        return (TGrainInterface)(object)shared.InterfaceInfo.ProxyFactory(shared, GrainId.Create(type, primaryKey));
    }

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IGrain => (TGrainInterface)GetGrain(typeof(TGrainInterface), grainId);

    public IGrain GetGrain(Type interfaceType, GrainId grainId)
    {
        var shared = _shared.GetOrAdd(interfaceType, _createShared);
        return (IGrain)shared.InterfaceInfo.ProxyFactory(shared, grainId);
    }

    // One lookup per call for both (issue 6: GetGrain runs three times per ingested event).
    private (GrainReferenceShared Shared, string GrainType) Describe(Type interfaceType) => _described.GetOrAdd(interfaceType, _describe);
}
