namespace Recsys.Grains.Interfaces.Timeline;

/// <summary>
/// One page request: how many items (default 35, home-mixer's for_you_server_max_results), the cursor of the
/// previous page (null: a fresh request), and whether each item should carry its <see cref="ForYouExplain"/>.
/// </summary>
public sealed record ForYouRequest(int Count = ForYouRequest.DefaultCount, string? Cursor = null, bool Explain = false)
{
    /// <summary>The default page size (algorithm.md 1.8: max tweets returned 35).</summary>
    public const int DefaultCount = 35;
}
