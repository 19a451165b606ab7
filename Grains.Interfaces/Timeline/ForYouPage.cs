namespace Recsys.Grains.Interfaces.Timeline;

/// <summary>
/// A page of the For You timeline, best first, and the cursor of the next page (null when the ranked list is
/// exhausted). <see cref="Stats"/> is filled only when the request asked for an explanation.
/// </summary>
public sealed record ForYouPage(IReadOnlyList<ForYouItem> Items, string? Cursor, ForYouStats? Stats = null);

/// <summary>One served post: who wrote it, its final score, where it came from and who in the viewer's network vouches for it.</summary>
public sealed record ForYouItem(
    long PostId,
    long AuthorId,
    double Score,
    string Source,
    bool InNetwork,
    IReadOnlyList<long> SocialProof,
    ForYouExplain? Explain = null);
