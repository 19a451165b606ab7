using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Filters;

/// <summary>
/// NSFW per the viewer's sensitive-media setting: Hide drops every NSFW post; Warn drops out-of-network NSFW
/// posts (the OON NSFW filter of algorithm.md 1.8) and keeps followees' posts for the client to show behind a
/// warning; Show keeps them all.
/// </summary>
public sealed class SensitiveMediaFilter : IFilter
{
    public static readonly SensitiveMediaFilter Instance = new();

    public FilterId Id { get; } = new("SensitiveMedia");

    private static readonly Func<Candidate, bool> NotNsfw = static c => c.Post?.HasLabel(PostLabel.Nsfw) != true;

    private static readonly Func<Candidate, bool> InNetworkOrNotNsfw = static c => c.InNetwork || c.Post?.HasLabel(PostLabel.Nsfw) != true;

    public FilterResult Apply(RankingQuery query, IReadOnlyList<Candidate> candidates) => CandidateTests.Apply(Test(query), candidates);

    public Func<Candidate, bool> Test(RankingQuery query) => query.Viewer.SensitiveMedia switch
    {
        SensitiveMediaSetting.Show => CandidateTests.KeepAll,
        SensitiveMediaSetting.Hide => NotNsfw,
        _ => InNetworkOrNotNsfw,
    };
}
