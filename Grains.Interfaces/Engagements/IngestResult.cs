namespace Recsys.Grains.Interfaces.Engagements;

/// <summary>
/// The outcome of one engagement batch: how many events were newly accepted (durably logged), how many carried an
/// id already accepted (not counted again), and the rejected ones with the field at fault. Nothing of a rejected
/// event is applied.
/// </summary>
public sealed record IngestResult(int Accepted, int Duplicates, IReadOnlyList<RejectedEngagement> Rejected);

/// <summary>One rejected event: its index in the batch, the field at fault and why.</summary>
public sealed record RejectedEngagement(int Index, string Field, string Error);
