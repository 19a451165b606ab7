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

    public FilterResult Apply(RankingQuery query, IReadOnlyList<Candidate> candidates) => query.Viewer.SensitiveMedia switch
    {
        SensitiveMediaSetting.Show => new FilterResult(candidates, []),
        SensitiveMediaSetting.Hide => FilterResult.Partition(candidates, c => c.Post?.HasLabel(PostLabel.Nsfw) != true),
        _ => FilterResult.Partition(candidates, c => c.InNetwork || c.Post?.HasLabel(PostLabel.Nsfw) != true),
    };
}
