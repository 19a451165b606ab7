namespace Recsys.Runtime;

/// <summary>Why an activation is going away (Orleans' DeactivationReasonCode, the ones this runtime uses).</summary>
public enum DeactivationReasonCode
{
    None,
    ShuttingDown,
    ActivationFailed,
    ActivationIdle,
    ApplicationError,
    ApplicationRequested,
    Migrating,
    DirectoryFailure,
}

/// <summary>A reason code with a sentence for the log.</summary>
public readonly record struct DeactivationReason(DeactivationReasonCode Code, string Description)
{
    public override string ToString() => $"{Code}: {Description}";
}
