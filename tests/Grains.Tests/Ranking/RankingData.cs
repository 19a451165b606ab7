using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Interfaces.Timeline;
using Recsys.Grains.Models;
using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;
using Recsys.Grains.Ranking.Models;
using Recsys.Grains.SimClusters;

namespace Recsys.Grains.Tests.Ranking;

/// <summary>Small hand-built candidates, posts, authors and viewers for the pure ranking tests.</summary>
public static class RankingData
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The committed heavy ranker, models/heavy-ranker/default-v0.json, compiled.</summary>
    public static readonly HeavyRanker DefaultHeavyRanker =
        HeavyRanker.Compile(EmbeddedModels.All.Single(m => m.Name == HeavyRanker.ModelName && m.Version == "default-v0"));

    public static readonly CandidateSourceId InNetwork = new("InNetwork");

    public static readonly CandidateSourceId SocialGraph = new("SocialGraph");

    public const long ViewerId = 1;

    public static Viewer Viewer(
        IEnumerable<long>? follows = null,
        IEnumerable<long>? blocks = null,
        IEnumerable<long>? mutes = null,
        IEnumerable<long>? reported = null,
        IEnumerable<string>? mutedWords = null,
        IEnumerable<long>? impressions = null,
        IEnumerable<long>? disliked = null,
        IReadOnlyDictionary<long, DateTimeOffset>? fatigue = null,
        Recsys.Grains.Interfaces.Users.SensitiveMediaSetting media = Recsys.Grains.Interfaces.Users.SensitiveMediaSetting.Warn) => new()
    {
        UserId = ViewerId,
        Languages = new HashSet<string> { "en" },
        Follows = (follows ?? []).ToDictionary(f => f, _ => 0.5),
        Blocks = (blocks ?? []).ToHashSet(),
        Mutes = (mutes ?? []).ToHashSet(),
        Reported = (reported ?? []).ToHashSet(),
        MutedWords = (mutedWords ?? []).ToArray(),
        Impressions = (impressions ?? []).ToHashSet(),
        DislikedPosts = (disliked ?? []).ToHashSet(),
        Fatigue = fatigue ?? new Dictionary<long, DateTimeOffset>(),
        SensitiveMedia = media,
    };

    public static RankingQuery Query(Viewer? viewer = null, IEnumerable<long>? served = null, bool paging = false) =>
        new(viewer ?? Viewer(), Now, (served ?? []).ToHashSet(), paging);

    public static Candidate Candidate(long postId, long authorId = 100, bool inNetwork = true, CandidateSourceId? source = null,
        long? reposter = null, long[]? proof = null, double score = 1, long? replyTo = null, DateTimeOffset? createdAt = null) => new()
    {
        PostId = postId,
        AuthorId = authorId,
        Source = source ?? (inNetwork ? InNetwork : SocialGraph),
        InNetwork = inNetwork,
        ReposterId = reposter,
        SocialProof = proof ?? (reposter is { } r ? [r] : []),
        CreatedAt = createdAt ?? Now.AddHours(-1),
        ReplyToId = replyTo,
        ModelScore = score,
        Score = score,
    };

    /// <summary>A hydrated candidate: the post's facts and its author's.</summary>
    public static Candidate Hydrated(long postId, long authorId = 100, bool inNetwork = true, double score = 1, string text = "hello world",
        PostLabel[]? labels = null, long? replyTo = null, bool verified = false, int? tweepcred = null, long[]? proof = null,
        bool blocksViewer = false, bool mutesViewer = false, DateTimeOffset? createdAt = null, string language = "en",
        EngagementCounts? engagements = null, long? reposter = null) =>
        Candidate(postId, authorId, inNetwork, score: score, replyTo: replyTo, proof: proof, createdAt: createdAt, reposter: reposter) with
        {
            Post = new PostFacts(Post(postId, authorId, text, labels, replyTo, createdAt ?? Now.AddHours(-1), language), engagements ?? EngagementCounts.Zero, SparseVector.Empty),
            Author = new AuthorFacts(authorId, true, verified, false, false, tweepcred, 0, blocksViewer, mutesViewer),
        };

    public static PostInfo Post(long id, long authorId, string text = "hello world", PostLabel[]? labels = null, long? replyTo = null,
        DateTimeOffset? createdAt = null, string language = "en") =>
        new(id, authorId, text, createdAt ?? Now.AddHours(-1), language, false, 0, 0, 0, [], replyTo, null, null, labels ?? []);

    public static long[] Ids(IEnumerable<Candidate> candidates) => candidates.Select(c => c.PostId).ToArray();
}
