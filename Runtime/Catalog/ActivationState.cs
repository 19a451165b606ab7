namespace Recsys.Runtime.Catalog;

/// <summary>The life of an activation: requests are admitted only while Valid.</summary>
internal enum ActivationState
{
    Creating,
    Activating,
    Valid,
    Deactivating,
    Invalid,
}
