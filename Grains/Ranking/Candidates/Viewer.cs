using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.SimClusters;

namespace Recsys.Grains.Ranking.Candidates;

/// <summary>
/// The viewer as the pure pipeline sees it, with sets for the lookups filters make per candidate: followees with
/// their RealGraph score (0..1), blocks, mutes, reported users, muted words, recent impressions, posts marked "not
/// interested" or reported, "see less often" feedback per author, InterestedIn communities, languages and the
/// sensitive-media setting.
/// </summary>
public sealed class Viewer
{
    public required long UserId { get; init; }

    public UserState State { get; init; } = UserState.MediumNonTweeter;

    public IReadOnlySet<string> Languages { get; init; } = new HashSet<string>();

    public SensitiveMediaSetting SensitiveMedia { get; init; } = SensitiveMediaSetting.Warn;

    /// <summary>Followee to RealGraph score in [0, 1].</summary>
    public IReadOnlyDictionary<long, double> Follows { get; init; } = new Dictionary<long, double>();

    public IReadOnlySet<long> Blocks { get; init; } = new HashSet<long>();

    public IReadOnlySet<long> Mutes { get; init; } = new HashSet<long>();

    public IReadOnlySet<long> Reported { get; init; } = new HashSet<long>();

    /// <summary>Lower case.</summary>
    public IReadOnlyList<string> MutedWords { get; init; } = [];

    public IReadOnlySet<long> Impressions { get; init; } = new HashSet<long>();

    public IReadOnlySet<long> DislikedPosts { get; init; } = new HashSet<long>();

    /// <summary>Author to the time of the latest "see less often" feedback on them.</summary>
    public IReadOnlyDictionary<long, DateTimeOffset> Fatigue { get; init; } = new Dictionary<long, DateTimeOffset>();

    public SparseVector InterestedIn { get; init; } = SparseVector.Empty;

    public bool IsFollowing(long userId) => Follows.ContainsKey(userId);

    /// <summary>The RealGraph score of a followee, 0 for anyone else.</summary>
    public double RealGraph(long userId) => Follows.TryGetValue(userId, out var score) ? score : 0;
}
