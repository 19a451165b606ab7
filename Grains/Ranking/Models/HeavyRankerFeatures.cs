using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Ranking.Candidates;

namespace Recsys.Grains.Ranking.Models;

/// <summary>
/// The heavy ranker's inputs, from what the grains hold (the feature groups of algorithm.md 1.5, in small): the
/// viewer-author RealGraph score, in-network, SimClusters cosine of viewer and post, author tweepcred and
/// verification, media, links, reply, quote, language match, age, the post's received engagements (decayed
/// counts, raw: the model file log-scales them, and the engagement rate), social proof (and the viewer's RealGraph score
/// for the closest proof user, as home reads RealGraph toward related users), the author's received engagements and
/// health labels.
/// </summary>
public static class HeavyRankerFeatures
{
    public static readonly IReadOnlyList<string> Names =
    [
        "real_graph", "in_network", "sim_clusters", "tweepcred", "verified", "has_media", "has_link", "is_reply", "is_quote",
        "language_match", "age_hours", "likes", "reposts", "replies", "clicks", "impressions", "negative", "video_views",
        "engagement_rate", "social_proof", "author_engagement", "health_label", "proof_real_graph",
    ];

    public static int Count => Names.Count;

    /// <summary>Fills <paramref name="x"/> for a hydrated candidate (a missing post or author leaves its features 0).</summary>
    public static void Extract(Candidate c, Viewer viewer, DateTimeOffset now, Span<double> x)
    {
        x.Clear();
        var author = c.KnownAuthorId;
        x[0] = viewer.RealGraph(author);
        x[1] = c.InNetwork ? 1 : 0;
        x[4] = c.Author is { Verified: true } or { Subscriber: true } ? 1 : 0;
        x[3] = c.Author?.Tweepcred is { } tweepcred ? tweepcred / 100.0 : 0;
        x[19] = c.SocialProof.Count;
        x[20] = c.Author?.EngagementsReceived ?? 0;
        var proof = c.SocialProof;
        for (var i = 0; i < proof.Count; i++) // indexed: foreach over the interface would allocate an enumerator
        {
            x[22] = Math.Max(x[22], viewer.RealGraph(proof[i]));
        }

        if (c.Post is not { } post)
        {
            return;
        }

        var info = post.Info;
        var e = post.Engagements;
        x[2] = viewer.InterestedIn.IsEmpty || post.Embedding.IsEmpty ? 0 : viewer.InterestedIn.CosineCached(post.Embedding);
        x[5] = info.HasMedia ? 1 : 0;
        x[6] = info.LinkCount > 0 ? 1 : 0;
        x[7] = info.IsReply ? 1 : 0;
        x[8] = info.QuoteOfId is null ? 0 : 1;
        x[9] = viewer.Languages.Count == 0 || viewer.Languages.Contains(info.Language) ? 1 : 0;
        x[10] = Math.Clamp((now - info.CreatedAt).TotalHours, 0, 72);
        x[11] = e.Likes;
        x[12] = e.Reposts + e.Quotes;
        x[13] = e.Replies;
        x[14] = e.Clicks + e.ProfileClicks;
        x[15] = e.Impressions;
        x[16] = e.Negative;
        x[17] = e.VideoViews;
        x[18] = Math.Min(1, (e.Likes + e.Reposts + e.Replies + e.Quotes) / (e.Impressions + 10));
        x[21] = HasHealthLabel(post) ? 1 : 0;
    }

    /// <summary>True for a post labelled toxic or misinformation.</summary>
    public static bool HasHealthLabel(PostFacts post) => post.HasLabel(PostLabel.Toxicity) || post.HasLabel(PostLabel.Misinformation);
}
