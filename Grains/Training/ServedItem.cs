namespace Recsys.Grains.Training;

/// <summary>
/// One item of a served For You page as the heavy ranker saw it: the viewer, post and author, when and at which
/// position it was served, which source found it, the model versions that ranked it, and the heavy ranker's
/// feature vector as computed for that ranking (<see cref="Ranking.Models.HeavyRankerFeatures"/> order), never
/// recomputed later: training must learn from what the model was shown.
/// </summary>
public sealed record ServedItem(
    long ViewerId,
    long PostId,
    long AuthorId,
    DateTimeOffset ServedAt,
    int Position,
    string Source,
    bool InNetwork,
    string HeavyRankerVersion,
    string LightRankerVersion,
    IReadOnlyList<double> Features);
