using System.Text.Json.Serialization;
using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.Ingestion;

/// <summary>
/// Which logged engagements a grain has applied, kept in its state beside what they produced, so every write of
/// the state is consistent with it. <see cref="AppliedThrough"/>: every event for this grain with a sequence at or
/// below it is applied. Above it, runs of applied events (deliveries can arrive out of order or go missing): a run
/// holds events that are consecutive among this grain's own events in the log, so every event of the grain between
/// its first and last sequence is applied. A catch-up from the log folds runs into the bound.
/// </summary>
/// <remarks>
/// Issue 6: the cursor held every sequence above the bound in a sorted array, which grew (and was copied into a new
/// array) with each event a grain applied between checkpoints: 200,000 growing arrays under the ingest bench, each one
/// outliving a young collection. A delivered event now carries, per grain, the grain's event logged just before it
/// (<see cref="GrainPredecessors"/>, from the SQLite log's tails). When that one is applied too, so is everything of
/// the grain up to the new event, and the bound moves instead of a list growing; an event whose predecessor is the
/// last of a run extends that run. Only an event with an unknown predecessor (a row read back from the log, a log
/// that does not list grains) or an applied-out-of-order one starts a run.
/// </remarks>
public sealed class ReplayCursor
{
    // Sorted by First, disjoint. Kept when emptied: under concurrent batches a grain often gets an event before the
    // one logged ahead of it, and a run that lives a moment should not cost an array each time (issue 6).
    private Run[]? _runs;
    private int _count;

    public long AppliedThrough { get; set; }

    /// <summary>
    /// The stored runs above <see cref="AppliedThrough"/>, three numbers each: the grain's event logged before the
    /// run's first (<see cref="GrainPredecessors.None"/> or <see cref="GrainPredecessors.Unknown"/> as they mean there),
    /// the run's first sequence and its last.
    /// </summary>
    public long[] AppliedRuns
    {
        get
        {
            var stored = new long[_count * 3];
            for (var i = 0; i < _count; i++)
            {
                (stored[3 * i], stored[(3 * i) + 1], stored[(3 * i) + 2]) = (_runs![i].After, _runs[i].First, _runs[i].Last);
            }

            return stored;
        }
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            (_runs, _count) = (null, 0);
            for (var i = 0; i + 2 < value.Length; i += 3)
            {
                Add(new Run(value[i], value[i + 1], value[i + 2]));
            }

            Fold();
        }
    }

    /// <summary>The form stored before runs: single applied sequences. Read for old state, never written.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long[]? AppliedAbove
    {
        get => null;
        set
        {
            foreach (var sequence in value ?? [])
            {
                TryMark(sequence);
            }
        }
    }

    /// <summary>Runs of applied events above <see cref="AppliedThrough"/> not folded into it yet (0 when none is).</summary>
    [JsonIgnore]
    public int PendingCount => _count;

    /// <summary>Marks an event applied whose predecessor is not known; false when it already was.</summary>
    public bool TryMark(long sequence) => TryMark(sequence, GrainPredecessors.Unknown);

    /// <summary>
    /// Marks an event applied; false when it already was (then it must not be applied again). <paramref name="previous"/>
    /// is this grain's event logged just before it (<see cref="GrainPredecessors"/>).
    /// </summary>
    public bool TryMark(long sequence, long previous)
    {
        if (IsApplied(sequence))
        {
            return false;
        }

        var known = previous != GrainPredecessors.Unknown;
        if (known && previous <= AppliedThrough)
        {
            // Everything up to the predecessor is applied and nothing of the grain's lies between: the usual case.
            AppliedThrough = sequence;
            Fold();
            return true;
        }

        var at = UpperBound(sequence); // runs before `at` start below the sequence
        if (known && at > 0 && _runs![at - 1].Last == previous)
        {
            _runs[at - 1].Last = sequence;
        }
        else
        {
            Insert(at, new Run(previous, sequence, sequence));
            at++;
        }

        // The next run may start right after this one.
        if (at < _count && _runs![at].After == sequence)
        {
            _runs[at - 1].Last = _runs[at].Last;
            RemoveAt(at);
        }

        return true;
    }

    public bool IsApplied(long sequence)
    {
        if (sequence <= AppliedThrough)
        {
            return true;
        }

        var at = UpperBound(sequence);
        return at > 0 && sequence <= _runs![at - 1].Last;
    }

    /// <summary>After reading the log up to <paramref name="sequence"/> and applying everything in it.</summary>
    public void AdvanceTo(long sequence)
    {
        if (sequence > AppliedThrough)
        {
            AppliedThrough = sequence;
            Fold();
        }
    }

    // A run joins the bound when the bound reaches into it (its members are every event of the grain from its first to
    // its last; a run wholly below the bound just goes) or covers its predecessor (nothing of the grain's lies between).
    private void Fold()
    {
        while (_count > 0 && (_runs![0].First <= AppliedThrough || (_runs[0].After != GrainPredecessors.Unknown && _runs[0].After <= AppliedThrough)))
        {
            AppliedThrough = Math.Max(AppliedThrough, _runs[0].Last);
            RemoveAt(0);
        }
    }

    // How many runs start at or below the sequence.
    private int UpperBound(long sequence)
    {
        var (low, high) = (0, _count);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_runs![middle].First <= sequence)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private void Add(Run run)
    {
        if (run.First <= run.Last && !IsApplied(run.First))
        {
            Insert(UpperBound(run.First), run);
        }
    }

    private void Insert(int index, Run run)
    {
        if (_runs is null)
        {
            _runs = new Run[2];
        }
        else if (_count == _runs.Length)
        {
            Array.Resize(ref _runs, _runs.Length * 2);
        }

        Array.Copy(_runs, index, _runs, index + 1, _count - index);
        _runs[index] = run;
        _count++;
    }

    private void RemoveAt(int index)
    {
        Array.Copy(_runs!, index + 1, _runs!, index, _count - index - 1);
        _count--;
    }

    private struct Run(long after, long first, long last)
    {
        public readonly long After = after;
        public readonly long First = first;
        public long Last = last;
    }
}
