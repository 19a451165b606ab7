using System.Runtime.CompilerServices;

namespace Recsys.Grains.Reputation.Cluster;

/// <summary>
/// One partition's slice of the PageRank computation, following <see cref="PageRankSuperstep"/>'s contract: its
/// users' priors and ranks, its in-edge rows, and a share vector per iteration parity laid out as [local users |
/// sources mirrored from each other partition]. Iteration t reads the shares of parity t &amp; 1; while it runs, the
/// shares of iteration t + 1 are sent into the other parity, so one barrier per iteration suffices.
/// </summary>
internal sealed class PartitionGraph
{
    private readonly TweepcredUser[] _users;
    private readonly int[] _followings;
    private readonly int[] _followers;
    private readonly double[] _outWeightTotals;
    private readonly InEdges _in;
    private readonly int[][] _sendLists;
    private readonly double[][] _shares;
    private double[] _prior;
    private double[] _ranks;
    private double[] _next;
    private int _userCount;

    public PartitionGraph(TweepcredUser[] users, int[] followings, double[] outWeightTotals, InEdges inEdges, int[][] sendLists)
    {
        _users = users;
        _followings = followings;
        _outWeightTotals = outWeightTotals;
        _in = inEdges;
        _sendLists = sendLists;
        _followers = new int[users.Length];
        for (var i = 0; i < users.Length; i++)
        {
            _followers[i] = inEdges.Offsets[i + 1] - inEdges.Offsets[i];
        }

        _shares = [new double[inEdges.ColumnCount], new double[inEdges.ColumnCount]];
        _prior = new double[users.Length];
        _ranks = new double[users.Length];
        _next = new double[users.Length];
    }

    public int Count => _users.Length;

    public long InEdgeCount => _in.Columns.Length;

    /// <summary>Shares this partition sends to <paramref name="destination"/> each superstep.</summary>
    public int SendCount(int destination) => _sendLists[destination].Length;

    public long ByteSize =>
        (_in.Offsets.Length + _in.Columns.Length + (_in.Weights?.Length ?? 0) + _sendLists.Sum(s => s.Length)) * 4L
        + (2L * _in.ColumnCount + 4L * Count) * 8 + Count * 56L; // users (48 bytes) and their two degree counts

    /// <summary>The user-mass facts of local user i (followings and followers counted in the kept graph).</summary>
    public UserFacts Facts(int i, DateTimeOffset asOf)
    {
        var u = _users[i];
        var days = (int)Math.Floor((asOf - u.SignupTime).TotalDays);
        return new UserFacts(u.UserId, days, u.Verified, u.HasDevice, u.Suspended, u.Restricted, _followings[i], _followers[i]);
    }

    /// <summary>Stores each user's unnormalised prior mass and returns their sum.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double PriorMass(DateTimeOffset asOf)
    {
        var total = 0.0;
        for (var i = 0; i < _prior.Length; i++)
        {
            _prior[i] = UserMass.Of(Facts(i, asOf));
            total += _prior[i];
        }

        return total;
    }

    /// <summary>
    /// Normalises the prior by the graph's total mass (uniform when it is 0, as <see cref="Distribution.Normalise"/>)
    /// and sets the starting ranks to yesterday's PageRank where known, else the prior; returns their sum.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Start(double totalMass, int userCount, bool fromPrevious)
    {
        _userCount = userCount;
        var total = 0.0;
        for (var i = 0; i < _prior.Length; i++)
        {
            _prior[i] = totalMass == 0 ? 1.0 / userCount : _prior[i] / totalMass;
            _ranks[i] = fromPrevious && _users[i].PreviousPageRank is { } previous && previous >= 0 && double.IsFinite(previous) ? previous : _prior[i];
            total += _ranks[i];
        }

        return total;
    }

    /// <summary>Normalises the starting ranks, fills iteration 1's local shares, and returns the totals (Delta 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public SuperstepTotals Prepare(double startTotal)
    {
        double mass = 0, dangling = 0;
        for (var i = 0; i < _ranks.Length; i++)
        {
            _ranks[i] = startTotal == 0 ? 1.0 / _userCount : _ranks[i] / startTotal;
            mass += _ranks[i];
            if (_followings[i] == 0)
            {
                dangling += _ranks[i];
            }
        }

        FillLocalShares(1);
        return new SuperstepTotals(mass, dangling, 0);
    }

    /// <summary>Iteration <paramref name="iteration"/> over the local users (the formula of <see cref="PageRankSuperstep.Step"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public SuperstepTotals Step(int iteration, double dead, double jumpProbability)
    {
        var shares = _shares[iteration & 1];
        var follow = 1.0 - jumpProbability;
        var deadShare = follow * dead;
        var offsets = _in.Offsets;
        var columns = _in.Columns;
        var weights = _in.Weights;
        var (prior, ranks, next, followings) = (_prior, _ranks, _next, _followings);
        double mass = 0, dangling = 0, delta = 0;
        for (var i = 0; i < ranks.Length; i++)
        {
            var flow = 0.0;
            int first = offsets[i], last = offsets[i + 1];
            if (weights is null)
            {
                for (var e = first; e < last; e++)
                {
                    flow += shares[columns[e]];
                }
            }
            else
            {
                for (var e = first; e < last; e++)
                {
                    flow += shares[columns[e]] * weights[e];
                }
            }

            var value = jumpProbability * prior[i] + deadShare + follow * flow;
            next[i] = value;
            mass += value;
            if (followings[i] == 0)
            {
                dangling += value;
            }

            delta += Math.Abs(value - ranks[i]);
        }

        (_ranks, _next) = (_next, _ranks);
        return new SuperstepTotals(mass, dangling, delta);
    }

    /// <summary>share(j) = rank(j) / W(j) (0 for a dangling j) for the local users, into iteration's parity.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void FillLocalShares(int iteration)
    {
        var shares = _shares[iteration & 1];
        var (ranks, totals) = (_ranks, _outWeightTotals);
        for (var j = 0; j < ranks.Length; j++)
        {
            shares[j] = totals[j] > 0 ? ranks[j] / totals[j] : 0.0;
        }
    }

    /// <summary>Copies entries [start, start + values.Length) of the shares <paramref name="destination"/> needs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void CopySharesFor(int destination, int iteration, int start, Span<double> values)
    {
        var shares = _shares[iteration & 1];
        var list = _sendLists[destination].AsSpan(start, values.Length);
        for (var k = 0; k < list.Length; k++)
        {
            values[k] = shares[list[k]];
        }
    }

    /// <summary>Stores shares mirrored from <paramref name="from"/> for <paramref name="iteration"/>.</summary>
    public void ReceiveShares(int iteration, int from, int offset, ReadOnlySpan<double> values)
    {
        if (offset < 0 || offset + values.Length > _in.MirrorCount[from])
        {
            throw new InvalidOperationException($"shares [{offset}, {offset + values.Length}) from partition {from} exceed its {_in.MirrorCount[from]} mirrored sources.");
        }

        values.CopyTo(_shares[iteration & 1].AsSpan(_in.MirrorBase[from] + offset));
    }

    /// <summary>Divides each rank by its post-adjustment divisor (when asked) and returns the sum of the results.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Adjust(bool postAdjust)
    {
        var total = 0.0;
        for (var i = 0; i < _ranks.Length; i++)
        {
            _next[i] = postAdjust ? _ranks[i] / PostAdjustment.Divisor(_followings[i], _followers[i]) : _ranks[i];
            total += _next[i];
        }

        return total;
    }

    /// <summary>The user id, PageRank and final adjusted rank of local user i, after <see cref="Adjust"/>.</summary>
    public (long UserId, double PageRank, double Adjusted) Result(int i, double? normaliser) =>
        (_users[i].UserId, _ranks[i], normaliser is { } total ? _next[i] / total : _next[i]);
}
