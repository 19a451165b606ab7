using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Timeline.Hydrators;

/// <summary>
/// Adds liked-by proof to candidates of every source: the viewer's followees who engaged with the post (from the
/// followee engagements the social-graph source read; if that read has not finished, nothing is added). Proof is
/// capped at UTEG's 10 users.
/// </summary>
public sealed class SocialProofHydrator : ICandidateHydrator
{
    public static readonly SocialProofHydrator Instance = new();

    public HydratorId Id { get; } = new("SocialProof");

    public Task<IReadOnlyList<Candidate>> HydrateAsync(TimelineQuery query, IReadOnlyList<Candidate> candidates, CancellationToken cancellation) =>
        Task.FromResult(query.FolloweeEngagementsIfRead is { } engaged ? Attach(candidates, engaged) : candidates);

    public static IReadOnlyList<Candidate> Attach(IReadOnlyList<Candidate> candidates, FolloweeEngagements engaged) =>
        candidates.Select(c => engaged.Posts.TryGetValue(c.PostId, out var post) && post.Proof.Except(c.SocialProof).Any()
            ? c with { SocialProof = c.SocialProof.Concat(post.Proof).Distinct().Take(FolloweeEngagements.MaxProofUsers).ToArray() }
            : c).ToArray();
}
