using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Interfaces.SimClusters;
using Recsys.Runtime;
using Recsys.Runtime.Concurrency;

namespace Recsys.Grains.Interfaces.Timeline;

/// <summary>
/// The Post grain's read-only face towards ranking (served by the same activation as <see cref="IPostGrain"/>, key:
/// post id): everything the heavy ranker reads of a post, in one small answer.
/// </summary>
public interface IPostRankingGrain : IGrainWithIntegerKey
{
    /// <summary>The post's facts, engagement counts and SimClusters embedding; null when the post was never created.</summary>
    [ReadOnly]
    Task<PostRankingFacts?> GetRankingFacts();
}

/// <summary>
/// A post as ranking hydrates it: its facts, the engagements it received as decayed counts (the post group's
/// longest half-life, 24 h), and its SimClusters embedding valued now (communities in ascending id order; empty
/// before its first counted like).
/// </summary>
public sealed record PostRankingFacts(PostInfo Info, IReadOnlyList<ActionCount> Engagements, IReadOnlyList<CommunityScore> Embedding);

/// <summary>A decayed count of one engagement action.</summary>
public readonly record struct ActionCount(EngagementAction Action, float Count);
