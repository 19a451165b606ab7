namespace Recsys.Runtime.Placement;

/// <summary>How a new activation of a grain class picks its silo. Placement happens only at activation.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public abstract class PlacementAttribute : Attribute
{
    internal abstract PlacementStrategy Strategy { get; }
}

/// <summary>A uniformly random active silo (Orleans' default up to 9.1, and ours).</summary>
public sealed class RandomPlacementAttribute : PlacementAttribute
{
    internal override PlacementStrategy Strategy => PlacementStrategy.Random;
}

/// <summary>The grain id's hash modulo the active silos in address order: stable while membership is.</summary>
public sealed class HashBasedPlacementAttribute : PlacementAttribute
{
    internal override PlacementStrategy Strategy => PlacementStrategy.HashBased;
}

/// <summary>The calling silo when it is active, else random: for grains mostly called from one place.</summary>
public sealed class PreferLocalPlacementAttribute : PlacementAttribute
{
    internal override PlacementStrategy Strategy => PlacementStrategy.PreferLocal;
}

internal enum PlacementStrategy
{
    Random,
    HashBased,
    PreferLocal,
}
