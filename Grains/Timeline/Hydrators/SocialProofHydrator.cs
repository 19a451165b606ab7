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

    public Task HydrateAsync(TimelineQuery query, HydrationDraft draft, CancellationToken cancellation)
    {
        if (query.FolloweeEngagementsIfRead is { } engaged)
        {
            Attach(draft, engaged);
        }

        return Task.CompletedTask;
    }

    /// <summary>Adds each post's proof users the candidate does not have yet, after its own, up to the cap (pure).</summary>
    public static void Attach(HydrationDraft draft, FolloweeEngagements engaged)
    {
        for (var i = 0; i < draft.Count; i++)
        {
            if (engaged.Posts.TryGetValue(draft.PostId(i), out var post) && Merged(draft.SocialProof(i), post.Proof) is { } proof)
            {
                draft.SetSocialProof(i, proof);
            }
        }
    }

    /// <summary>The candidate's proof then the post's, each user once, at most <see cref="FolloweeEngagements.MaxProofUsers"/>; null when the post adds no one.</summary>
    public static long[]? Merged(IReadOnlyList<long> current, IReadOnlyList<long> added)
    {
        var adds = false;
        for (var k = 0; k < added.Count; k++)
        {
            if (!Contains(current, current.Count, added[k]))
            {
                adds = true;
                break;
            }
        }

        if (!adds)
        {
            return null;
        }

        var merged = new long[Math.Min(FolloweeEngagements.MaxProofUsers, current.Count + added.Count)];
        var n = 0;
        foreach (var list in (ReadOnlySpan<IReadOnlyList<long>>)[current, added])
        {
            for (var k = 0; k < list.Count && n < merged.Length; k++)
            {
                if (!Contains(merged, n, list[k]))
                {
                    merged[n++] = list[k];
                }
            }
        }

        return n == merged.Length ? merged : merged[..n];
    }

    private static bool Contains(IReadOnlyList<long> users, int count, long user)
    {
        for (var k = 0; k < count; k++)
        {
            if (users[k] == user)
            {
                return true;
            }
        }

        return false;
    }
}
