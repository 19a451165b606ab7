using Recsys.Runtime.Scheduling;

namespace Recsys.Runtime.Catalog;

/// <summary>
/// Loading the next turns' activations ahead (<see cref="Configuration.Options.SchedulingOptions.PrefetchNextTurns"/>).
/// </summary>
/// <remarks>
/// Issue 6: a batch of deliveries queues thousands of cold activations at once, and each turn's first touches of the
/// activation, its grain, its request and its state each wait a full memory latency, one after another (the tenth
/// ingestion pass measured 258 ns for a dependent load on this machine, against 15 ns a load when sixteen independent
/// ones are in flight). Which activation a thread runs next is predictable (<see cref="QueueNeighbours{T}"/>), so a turn
/// walks that chain four activations ahead and prefetches one level deeper the nearer an activation is: the
/// activation four ahead; the grain, the state list and the first request three ahead; the states two ahead; their
/// values one ahead. Each level reads only what the level before fetched a turn earlier, so nothing here waits.
/// </remarks>
internal sealed partial class ActivationData : IQueueNeighbour<ActivationData>
{
    private const int ActivationLines = 4; // this object's fields span about four 64-byte lines
    private const int GrainLines = 3;
    private const int RequestLines = 3;
    private const int StateLines = 2;

    private QueueNeighbours<ActivationData> _neighbours;

    ref QueueNeighbours<ActivationData> IQueueNeighbour<ActivationData>.Neighbours => ref _neighbours;

    /// <summary>Whether this activation links to another queued one (never once its turn started).</summary>
    internal bool IsLinkedInQueue => _neighbours.IsLinked;

    private void QueueTurn()
    {
        if (_services.PrefetchNextTurns)
        {
            QueueNeighbours<ActivationData>.Queued(this);
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
    }

    // At the start of a turn.
    private void PrefetchNextTurns()
    {
        var next = QueueNeighbours<ActivationData>.Running(this, out var owner);
        if (next is null)
        {
            return;
        }

        var second = QueueNeighbours<ActivationData>.Next(next, owner);
        var third = second is null ? null : QueueNeighbours<ActivationData>.Next(second, owner);
        var fourth = third is null ? null : QueueNeighbours<ActivationData>.Next(third, owner);
        CachePrefetch.Lines(fourth, ActivationLines);
        if (third is not null)
        {
            CachePrefetch.Lines(third._grain, GrainLines);
            CachePrefetch.Lines(third._states, 1);
            CachePrefetch.Lines(third._ready.PeekHint().State, RequestLines);
        }

        if (second is not null)
        {
            foreach (var state in second._states)
            {
                CachePrefetch.Lines(state, 1);
            }
        }

        foreach (var state in next._states)
        {
            CachePrefetch.Lines(state.Value, StateLines);
        }
    }
}
