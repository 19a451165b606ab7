namespace Recsys.Grains.Import;

/// <summary>How an edge list is read (the `recsys import edges` options).</summary>
public sealed class EdgeListOptions
{
    /// <summary>Each edge is a follow both ways (SNAP's undirected graphs, e.g. ego-Facebook).</summary>
    public bool Undirected { get; set; }

    /// <summary>1-based column holding the edge weight (e.g. 3 for Bitcoin OTC's rating); null: unweighted.</summary>
    public int? WeightColumn { get; set; }

    /// <summary>Edges whose weight is below this are skipped; needs <see cref="WeightColumn"/>.</summary>
    public double? MinWeight { get; set; }

    /// <summary>1-based column holding the edge's Unix time in seconds (e.g. 4 for Bitcoin OTC); null: every follow is "now".</summary>
    public int? TimeColumn { get; set; }

    /// <summary>Added to every node id (user ids must be positive: ego-Facebook numbers its nodes from 0, so use 1).</summary>
    public long IdOffset { get; set; }

    /// <summary>The first problem with the combination, or null.</summary>
    public string? Problem() =>
        WeightColumn is < 1 ? "--weight-column must be 1 or more (columns are counted from 1)"
        : TimeColumn is < 1 ? "--time-column must be 1 or more (columns are counted from 1)"
        : MinWeight is not null && WeightColumn is null ? "--min-weight needs --weight-column"
        : MinWeight is { } w && !double.IsFinite(w) ? "--min-weight must be a finite number"
        : IdOffset < 0 ? "--id-offset must not be negative"
        : null;
}
