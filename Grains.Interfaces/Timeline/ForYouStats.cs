namespace Recsys.Grains.Interfaces.Timeline;

/// <summary>
/// What happened to the request as a whole: candidates per source (and sources that failed or timed out, which
/// were skipped), candidates removed per filter or selector, how many were hydrated and ranked, the grain calls
/// hydration made (answers found in the silo's short-lived caches are not calls), and whether the page came from
/// the kept ranked list.
/// </summary>
public sealed record ForYouStats(
    IReadOnlyDictionary<string, int> Sources,
    IReadOnlyList<string> FailedSources,
    IReadOnlyDictionary<string, int> Removed,
    int Hydrated,
    int Ranked,
    int GrainCalls,
    bool FromCache);
