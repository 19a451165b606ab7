using Recsys.Runtime.Membership;

namespace Recsys.Runtime.GrainDirectory;

/// <summary>Where one activation of a grain lives: silo plus activation id (so a stale entry can be told apart).</summary>
public sealed record GrainAddress(GrainId GrainId, SiloAddress Silo, long ActivationId);
