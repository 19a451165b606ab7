namespace Recsys.Runtime;

/// <summary>Key accessors and retyping, for grains and for grain references (Orleans' GrainExtensions).</summary>
public static class GrainExtensions
{
    public static GrainId GetGrainId(this IGrain grain) => grain switch
    {
        GrainReference reference => reference.GrainId,
        Grain instance => instance.GrainId,
        _ => throw new ArgumentException("Not a grain or grain reference.", nameof(grain)),
    };

    public static long GetPrimaryKeyLong(this IGrainWithIntegerKey grain) => grain.GetGrainId().GetIntegerKey();

    public static string GetPrimaryKeyString(this IGrainWithStringKey grain) => grain.GetGrainId().Key;

    public static Guid GetPrimaryKey(this IGrainWithGuidKey grain) => grain.GetGrainId().GetGuidKey();

    /// <summary>A reference to this grain under another of its interfaces; a grain passes this, never itself.</summary>
    public static TInterface AsReference<TInterface>(this Grain grain)
        where TInterface : IGrain => grain.Activation.Services.GrainFactory.GetGrain<TInterface>(grain.GrainId);
}
