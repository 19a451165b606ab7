namespace Recsys.Grains.Import;

/// <summary>How far an import is: the stage ("users", "posts", "follows", "engagements") and items done of the total.</summary>
public sealed record ImportProgress(string Stage, long Done, long Total);

/// <summary>
/// What an import did: users and posts created or updated, events newly accepted, events already in the log
/// (a re-import), the events refused (with the first few reasons), and how long each stage took.
/// </summary>
public sealed record ImportResult(
    int Users, int Posts, long Accepted, long Duplicates, long Rejected, IReadOnlyList<string> FirstRejections, IReadOnlyList<(string Stage, TimeSpan Elapsed)> Stages);
