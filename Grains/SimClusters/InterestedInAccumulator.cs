namespace Recsys.Grains.SimClusters;

/// <summary>
/// Tallies one user's follows and likes per KnownFor community and turns them into an InterestedIn vector;
/// reusable from user to user.
/// </summary>
internal sealed class InterestedInAccumulator(KnownForAssignment knownFor, SimClustersOptions options)
{
    private readonly Dictionary<int, Tally> _tallies = [];
    private readonly HashSet<long> _producers = [];

    /// <summary>
    /// Adds one followed or liked producer; a producer both followed and liked counts once as social proof, and a like
    /// with no positive score counts not at all.
    /// </summary>
    public void Add(long producer, bool follows, float favScore)
    {
        if ((!follows && !(favScore > 0))
            || !knownFor.Producers.TryGetValue(producer, out var membership) || membership.Score <= 0)
        {
            return;
        }

        var tally = _tallies.GetValueOrDefault(membership.Cluster);
        if (follows)
        {
            tally.Follow += membership.Score;
        }

        if (favScore > 0)
        {
            tally.Fav += membership.Score * favScore;
        }

        if (_producers.Add(producer))
        {
            tally.Producers++;
        }

        _tallies[membership.Cluster] = tally;
    }

    /// <summary>
    /// Keeps communities with at least SocialProofThreshold producers, the top MaxClustersPerUser of them ranked by
    /// (favScore, followScore) as published, scores each by followScore + favScore, L2-normalises, and resets.
    /// </summary>
    public SparseVector Build()
    {
        var kept = _tallies
            .Where(t => t.Value.Producers >= options.SocialProofThreshold)
            .OrderByDescending(t => t.Value.Fav)
            .ThenByDescending(t => t.Value.Follow)
            .ThenBy(t => t.Key)
            .Take(options.MaxClustersPerUser)
            .Select(t => (t.Key, (float)(t.Value.Follow + t.Value.Fav)));
        var vector = SparseVector.FromEntries(kept).Normalized();
        _tallies.Clear();
        _producers.Clear();
        return vector;
    }

    private struct Tally
    {
        public double Follow;
        public double Fav;
        public int Producers;
    }
}
