namespace Recsys.Grains.Training.ServedLog;

/// <summary>A logged item and its row id (the paging key).</summary>
public sealed record ServedLogRow(long Id, ServedItem Item);
