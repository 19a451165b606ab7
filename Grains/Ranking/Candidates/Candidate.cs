using Recsys.Grains.Interfaces.Timeline;
using Recsys.Grains.Ranking.Identifiers;
using Recsys.Grains.Ranking.Scorers;

namespace Recsys.Grains.Ranking.Candidates;

/// <summary>
/// One post on its way through the pipeline. A source fills the first block (what it knows before hydration:
/// for a followee's repost the served post is the original, its author is not known yet and the reposter is the
/// social proof); the light ranker sets <see cref="LightScore"/>; hydration adds <see cref="Post"/> and
/// <see cref="Author"/>; the heavy ranker sets <see cref="Heads"/>, <see cref="ModelScore"/> and <see cref="Score"/>;
/// each heuristic multiplies <see cref="Score"/> and appends its factor. Stages return new copies.
/// </summary>
public sealed record Candidate
{
    // Optional ids are kept as plain longs, None for absent (no id is long.MinValue): a candidate is copied by every
    // stage, and a long? takes twice the room of a long.
    private const long None = long.MinValue;
    private readonly long _reposterId = None;
    private readonly long _replyToId = None;
    private readonly IReadOnlyList<HeuristicFactor> _factors = [];
    private readonly HeuristicFactorTable? _factorTable;
    private readonly int _factorRow;

    public required long PostId { get; init; }

    /// <summary>The author of <see cref="PostId"/>; 0 when the source did not know it (hydration fills it).</summary>
    public long AuthorId { get; init; }

    public required CandidateSourceId Source { get; init; }

    /// <summary>The author (or, for a repost, the reposter) is the viewer or someone the viewer follows.</summary>
    public bool InNetwork { get; init; }

    /// <summary>When the source saw the post appear (the repost's time for a repost).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The followee whose repost brought the post in, if any.</summary>
    public long? ReposterId { get => _reposterId == None ? null : _reposterId; init => _reposterId = value ?? None; }

    public long? ReplyToId { get => _replyToId == None ? null : _replyToId; init => _replyToId = value ?? None; }

    public bool HasMedia { get; init; }

    /// <summary>Users in the viewer's network who vouch for the post (reposted or engaged with it).</summary>
    public IReadOnlyList<long> SocialProof { get; init; } = [];

    /// <summary>
    /// Retrieved for the viewer's InterestedIn communities: our stand-in for the published topic proof (a topic the
    /// viewer follows or is inferred to like, algorithm.md 1.7), since communities are our inferred interests.
    /// </summary>
    public bool InterestProof { get; init; }

    /// <summary>What the source measured: the light ranker's input.</summary>
    public SourceSignals Signals { get; init; } = SourceSignals.None;

    public double LightScore { get; init; }

    public PostFacts? Post { get; init; }

    public AuthorFacts? Author { get; init; }

    /// <summary>The weighted, normalised model score, before heuristics.</summary>
    public double ModelScore { get; init; }

    /// <summary>The current score: the model score times every heuristic factor applied so far.</summary>
    public double Score { get; init; }

    /// <summary>Every heuristic factor other than 1 applied, in rescorer order.</summary>
    public IReadOnlyList<HeuristicFactor> Factors
    {
        get => _factorTable is { } table ? table.Row(_factorRow) : _factors;
        init => (_factors, _factorTable, _factorRow) = (value, null, 0);
    }

    /// <summary>The factors as a row of the heuristics' table, built into <see cref="Factors"/> only when read.</summary>
    public (HeuristicFactorTable? Table, int Row) FactorRow
    {
        get => (_factorTable, _factorRow);
        init => (_factors, _factorTable, _factorRow) = ([], value.Table, value.Row);
    }

    public bool IsReply => Post?.IsReply ?? ReplyToId is not null;

    /// <summary>The post this one replies to: as hydration read it, else as the source saw it.</summary>
    public long? ParentId => Post?.ReplyToId ?? ReplyToId;

    public bool IsRepost => ReposterId is not null;

    /// <summary>The author once known: from the source, else from hydration (0 when neither knows).</summary>
    public long KnownAuthorId => AuthorId != 0 ? AuthorId : Post?.AuthorId ?? 0;

    /// <summary>The post's creation time once hydrated, else what the source saw.</summary>
    public DateTimeOffset PostedAt => Post?.CreatedAt ?? CreatedAt;
}
