using System.Diagnostics;
using System.Runtime.InteropServices;
using Recsys.Runtime;
using Recsys.Runtime.Membership;
using Recsys.Runtime.Placement;

namespace Recsys.Grains.Reputation.Cluster;

/// <summary>
/// A tweepcred partition: holds only its own users' slice of the graph, in memory for the length of a run (nothing
/// is stored). Hash-placed, with keys the coordinator picks (<see cref="PartitionKeys"/>) so that a run's partitions
/// spread evenly over the silos. Partitions exchange edges and rank
/// shares in chunks of at most MaxMessageEntries, each destination's chunks in order, destinations in parallel.
/// </summary>
[GrainType(TypeName)]
[HashBasedPlacement]
public sealed class TweepcredPartitionGrain(ITweepcredGraphStore store, LocalSiloDetails silo) : Grain, ITweepcredPartitionGrain
{
    /// <summary>The grain type name (partition keys are chosen by hashing grain ids of this type).</summary>
    public const string TypeName = "tweepcredpartition";

    /// <summary>Load and Write return after about this long, so no call comes near the response timeout.</summary>
    private static readonly TimeSpan CallBudget = TimeSpan.FromSeconds(2);

    private TweepcredPartitionSetup? _setup;
    private PartitionLoader? _loader;
    private IAsyncEnumerator<TweepcredUserBatch>? _batches;
    private double _loadFraction;
    private PartitionUsers? _users;
    private OutEdgeBuckets? _buckets;
    private InEdgeCollector? _collector;
    private (int[] Degrees, double[] WeightTotals, long Kept)? _outTotals;
    private PartitionGraph? _graph;
    private int _userCount;
    private int _written;

    private TweepcredPartitionSetup Setup => _setup!;

    private int Self => Setup.Partition;

    private TweepcredReadScope Scope => new(Self, Setup.Partitions, Setup.Options.UseRealGraphWeights, Setup.BatchUsers, Setup.MaxParallelCalls);

    public async Task<string> Begin(TweepcredPartitionSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        if (setup.Partitions < 1 || setup.Partition < 0 || setup.Partition >= setup.Partitions || setup.Keys.Count != setup.Partitions
            || setup.Keys[setup.Partition] != GrainId.GetIntegerKey())
        {
            throw new ArgumentException($"partition grain {GrainId.GetIntegerKey()} was set up as partition {setup.Partition} of {setup.Partitions}.", nameof(setup));
        }

        await ResetAsync();
        _setup = setup;
        _loader = new PartitionLoader(setup.Options.UseRealGraphWeights);
        return silo.Address.ToString();
    }

    public async Task<TweepcredLoadProgress> Load(long runId)
    {
        Require(runId, _loader is not null || _users is not null, "Begin");
        if (_users is null)
        {
            var started = Stopwatch.GetTimestamp();
            _batches ??= store.ReadPartitionAsync(Scope).GetAsyncEnumerator();
            var more = true;
            while (Stopwatch.GetElapsedTime(started) < CallBudget && (more = await _batches.MoveNextAsync()))
            {
                _loader!.Add(_batches.Current);
                _loadFraction = _batches.Current.Progress;
            }

            if (!more)
            {
                await _batches.DisposeAsync();
                _batches = null;
                _users = _loader!.Finish();
                _loader = null;
                _collector = new InEdgeCollector(Self, Setup.Partitions, _users.IndexById, Setup.Options.UseRealGraphWeights);
            }
        }

        return _users is null
            ? new TweepcredLoadProgress(_loader!.Users, _loader.Follows, _loadFraction, false)
            : new TweepcredLoadProgress(_users.Count, _users.EdgeCount, 1, true);
    }

    public async Task<long> SendEdges(long runId)
    {
        Require(runId, _users is not null, "Load");
        var buckets = _buckets = new OutEdgeBuckets(_users!, Setup.Partitions);
        var sends = Enumerable.Range(0, Setup.Partitions).Select(q => SendEdgesTo(buckets, q));
        await Task.WhenAll(sends);
        _outTotals = buckets.OutTotals();
        return _outTotals.Value.Kept;
    }

    public Task<int[]> ReceiveEdges(TweepcredEdgeChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        Require(chunk.RunId, _collector is not null, "Load");
        return Task.FromResult(Accept(chunk.From, chunk.Sequence, chunk.Total, PackedArray.Unpack<int>(chunk.Sources),
            PackedArray.Unpack<long>(chunk.Targets), chunk.Weights is null ? default : PackedArray.Unpack<float>(chunk.Weights)));
    }

    public Task<TweepcredPartitionBuilt> Build(long runId)
    {
        Require(runId, _outTotals is not null && _collector is not null, "SendEdges");
        var users = _users!;
        var sendLists = Enumerable.Range(0, Setup.Partitions).Select(q => q == Self ? [] : _buckets!.SendList(q)).ToArray();
        var inEdges = _collector!.Build(users.Count);
        _graph = new PartitionGraph(users.Users, _outTotals!.Value.Degrees, _outTotals.Value.WeightTotals, inEdges, sendLists);
        _users = null;
        _buckets = null;
        _collector = null;
        _outTotals = null;
        var mass = _graph.PriorMass(Setup.AsOf);
        var shares = Enumerable.Range(0, Setup.Partitions).Sum(q => (long)_graph.SendCount(q));
        return Task.FromResult(new TweepcredPartitionBuilt(_graph.Count, _graph.InEdgeCount, mass, _graph.ByteSize, shares));
    }

    public Task<double> Start(long runId, double totalMass, int userCount)
    {
        Require(runId, _graph is not null, "Build");
        _userCount = userCount;
        return Task.FromResult(_graph!.Start(totalMass, userCount, Setup.StartFromPrevious));
    }

    public async Task<SuperstepTotals> Prepare(long runId, double startTotal)
    {
        Require(runId, _graph is not null, "Build");
        var totals = _graph!.Prepare(startTotal);
        await SendShares(1);
        return totals;
    }

    public async Task<SuperstepTotals> Step(long runId, int iteration, double dead, bool sendNext)
    {
        Require(runId, _graph is not null, "Build");
        var totals = _graph!.Step(iteration, dead, Setup.Options.JumpProbability);
        if (sendNext)
        {
            _graph.FillLocalShares(iteration + 1);
            await SendShares(iteration + 1);
        }

        return totals;
    }

    public Task ReceiveShares(TweepcredShareChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        Require(chunk.RunId, _graph is not null, "Build");
        _graph!.ReceiveShares(chunk.Iteration, chunk.From, chunk.Offset, PackedArray.Unpack<double>(chunk.Values));
        return Task.CompletedTask;
    }

    public Task<double> Adjust(long runId)
    {
        Require(runId, _graph is not null, "Build");
        _written = 0;
        return Task.FromResult(_graph!.Adjust(Setup.Options.PostAdjust));
    }

    public async Task<TweepcredWriteProgress> Write(long runId, double? normaliser)
    {
        Require(runId, _graph is not null, "Build");
        var graph = _graph!;
        var started = Stopwatch.GetTimestamp();
        while (_written < graph.Count && Stopwatch.GetElapsedTime(started) < CallBudget)
        {
            var count = Math.Min(Setup.BatchUsers, graph.Count - _written);
            var ids = new long[count];
            var scores = new Interfaces.Reputation.UserReputation[count];
            for (var k = 0; k < count; k++)
            {
                var (userId, pageRank, adjusted) = graph.Result(_written + k, normaliser);
                var tweepcred = TweepcredScale.ToTweepcred(adjusted, _userCount, Setup.Options.ReferencePopulation);
                ids[k] = userId;
                scores[k] = new Interfaces.Reputation.UserReputation(tweepcred, pageRank, adjusted, Setup.AsOf, Setup.RunId);
            }

            await store.WriteScoresAsync(Scope, ids, scores);
            _written += count;
        }

        return new TweepcredWriteProgress(_written, graph.Count, _written == graph.Count);
    }

    public Task Release(long runId)
    {
        if (_setup?.RunId != runId)
        {
            return Task.CompletedTask; // a later run owns this partition now
        }

        DeactivateOnIdle();
        return ResetAsync();
    }

    private async Task ResetAsync()
    {
        if (_batches is not null)
        {
            await _batches.DisposeAsync();
        }

        (_setup, _loader, _batches, _users, _buckets, _collector, _outTotals, _graph, _userCount, _written) = (null, null, null, null, null, null, null, null, 0, 0);
    }

    private int[] Accept(int from, int sequence, int total, ReadOnlySpan<int> sources, ReadOnlySpan<long> targets, ReadOnlySpan<float> weights)
    {
        if (sources.Length != targets.Length || (!weights.IsEmpty && weights.Length != targets.Length) || from < 0 || from >= Setup.Partitions)
        {
            throw new ArgumentException($"a malformed edge chunk from partition {from}.");
        }

        return _collector!.Accept(from, sequence, total, sources, targets, weights);
    }

    private async Task SendEdgesTo(OutEdgeBuckets buckets, int destination)
    {
        var total = buckets.Count(destination);
        var size = Setup.MaxMessageEntries;
        if (destination == Self)
        {
            // Local edges go through the same acceptance, without messages.
            var targets = new long[Math.Min(size, total)];
            var weights = Setup.Options.UseRealGraphWeights ? new float[targets.Length] : null;
            for (int start = 0, sequence = 0; start < total; start += size, sequence++)
            {
                var count = Math.Min(size, total - start);
                buckets.Fill(destination, start, targets.AsSpan(0, count), weights.AsSpan(0, weights is null ? 0 : count));
                var refused = Accept(Self, sequence, total, buckets.Sources(destination, start, count), targets.AsSpan(0, count), weights.AsSpan(0, weights is null ? 0 : count));
                buckets.Reject(destination, start, refused);
            }

            return;
        }

        var target = Partition(destination);
        for (int start = 0, sequence = 0; start < total; start += size, sequence++)
        {
            var count = Math.Min(size, total - start);
            var (sources, targets, weights) = buckets.Pack(destination, start, count);
            var rejected = await target.ReceiveEdges(new TweepcredEdgeChunk(Setup.RunId, Self, sequence, total, sources, targets, weights));
            buckets.Reject(destination, start, rejected);
        }
    }

    private Task SendShares(int iteration)
    {
        var graph = _graph!;
        var sends = new List<Task>(Setup.Partitions);
        for (var q = 0; q < Setup.Partitions; q++)
        {
            if (q != Self && graph.SendCount(q) > 0)
            {
                sends.Add(SendSharesTo(graph, q, iteration));
            }
        }

        return Task.WhenAll(sends);
    }

    private async Task SendSharesTo(PartitionGraph graph, int destination, int iteration)
    {
        var target = Partition(destination);
        var total = graph.SendCount(destination);
        for (var start = 0; start < total; start += Setup.MaxMessageEntries)
        {
            var count = Math.Min(Setup.MaxMessageEntries, total - start);
            var bytes = new byte[count * sizeof(double)];
            graph.CopySharesFor(destination, iteration, start, MemoryMarshal.Cast<byte, double>(bytes.AsSpan()));
            await target.ReceiveShares(new TweepcredShareChunk(Setup.RunId, iteration, Self, start, bytes));
        }
    }

    private ITweepcredPartitionGrain Partition(int index) => GrainFactory.GetGrain<ITweepcredPartitionGrain>(Setup.Keys[index]);

    private void Require(long runId, bool ready, string phase)
    {
        if (_setup is null || _setup.RunId != runId)
        {
            throw new InvalidOperationException($"tweepcred partition {GrainId.GetIntegerKey()} is not part of run {runId} (it is in run {_setup?.RunId.ToString() ?? "none"}).");
        }

        if (!ready)
        {
            throw new InvalidOperationException($"tweepcred partition {Self} of run {runId} is called out of order: {phase} has not finished.");
        }
    }
}
