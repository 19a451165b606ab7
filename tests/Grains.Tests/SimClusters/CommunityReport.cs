using Recsys.Grains.Interfaces.SimClusters;

namespace Recsys.Grains.Tests.SimClusters;

/// <summary>
/// Describes KnownFor communities found on a graph without planted truth: sizes, how many follow edges between
/// clustered producers stay inside one community, and sample members (most followed first).
/// </summary>
public sealed record CommunityReport(int Producers, int Communities, IReadOnlyList<int> Sizes, double InsideShare, double ExpectedInsideShare, IReadOnlyList<string> Samples)
{
    public static CommunityReport Of(IReadOnlyList<UserSimClustersInput> inputs, IReadOnlyDictionary<long, int> labels, int communitiesShown = 10, int membersShown = 8)
    {
        var followers = inputs.SelectMany(u => u.Follows).GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        var (inside, between) = (0L, 0L);
        foreach (var user in inputs)
        {
            if (!labels.TryGetValue(user.UserId, out var own))
            {
                continue;
            }

            foreach (var producer in user.Follows)
            {
                if (labels.TryGetValue(producer, out var other))
                {
                    between++;
                    inside += own == other ? 1 : 0;
                }
            }
        }

        var groups = labels.GroupBy(l => l.Value).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).ToArray();
        var total = (double)labels.Count;
        var expected = groups.Sum(g => g.Count() / total * (g.Count() / total)); // a random labelling with these sizes
        var samples = groups.Take(communitiesShown).Select(g =>
            $"community {g.Key} ({g.Count()}): " + string.Join(", ", g.OrderByDescending(p => followers.GetValueOrDefault(p.Key)).ThenBy(p => p.Key)
                .Take(membersShown).Select(p => $"{p.Key} ({followers.GetValueOrDefault(p.Key)} followers)"))).ToArray();
        return new CommunityReport(labels.Count, groups.Length, groups.Select(g => g.Count()).ToArray(), between == 0 ? 0 : inside / (double)between, expected, samples);
    }

    public override string ToString() =>
        $"{Producers:N0} producers in {Communities:N0} communities; sizes {string.Join(", ", Sizes.Take(20))}{(Sizes.Count > 20 ? ", ..." : "")}; "
        + $"{InsideShare:P1} of follows between clustered producers stay inside a community (random labelling with these sizes: {ExpectedInsideShare:P1})"
        + Environment.NewLine + string.Join(Environment.NewLine, Samples.Select(s => "  " + s));
}
