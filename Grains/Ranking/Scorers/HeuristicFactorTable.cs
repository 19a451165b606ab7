using Recsys.Grains.Interfaces.Timeline;

namespace Recsys.Grains.Ranking.Scorers;

/// <summary>
/// The factors one run of the <see cref="HeuristicScorer"/> applied: one row per candidate, one column per rescorer.
/// A scored candidate points at its row, and its list of factors is built only when read (the explain output reads
/// the served 35 of ~1,000 rows). One array per run instead of a factor list and records per candidate, which were
/// a third of the heuristics' allocation on a refresh from the cache (issue 10).
/// </summary>
public sealed class HeuristicFactorTable
{
    private readonly string[] _names;
    private readonly double[] _factors;

    /// <param name="names">The rescorers' names, in column order.</param>
    /// <param name="factors">Rescorer-major: rescorer r's factor for candidate i at r x <paramref name="rows"/> + i.</param>
    /// <param name="rows">The number of candidates.</param>
    public HeuristicFactorTable(string[] names, double[] factors, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factors.Length, names.Length * rows, nameof(factors));
        (_names, _factors, Rows) = (names, factors, rows);
    }

    public int Rows { get; }

    /// <summary>The factors other than 1 that candidate <paramref name="row"/> got, in rescorer order.</summary>
    public IReadOnlyList<HeuristicFactor> Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
        List<HeuristicFactor>? applied = null;
        for (var r = 0; r < _names.Length; r++)
        {
            var factor = _factors[r * Rows + row];
            if (factor != 1.0)
            {
                (applied ??= new List<HeuristicFactor>(_names.Length)).Add(new HeuristicFactor(_names[r], factor));
            }
        }

        return applied ?? (IReadOnlyList<HeuristicFactor>)[];
    }
}
