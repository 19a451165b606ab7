using Recsys.Grains.Interfaces.Timeline;
using Recsys.Grains.Ranking.Identifiers;
using Recsys.Runtime;

namespace Recsys.Grains.Timeline.Hydrators;

/// <summary>
/// Reads the authors of the final ranked list (at most 120 candidates) for this viewer, uncached: whether each blocks
/// or mutes the viewer, and their current facts (a suspension shows at once). The For You mixer's visibility step
/// likewise runs after scoring (algorithm.md 1.1, 1.8).
/// </summary>
public sealed class AuthorRelationHydrator(IGrainFactory grains) : ICandidateHydrator
{
    public HydratorId Id { get; } = new("AuthorRelation");

    public async Task HydrateAsync(TimelineQuery query, HydrationDraft draft, CancellationToken cancellation)
    {
        var authors = AuthorHydrator.DistinctAuthors(draft);
        var facts = await Batches.SelectAsync(authors, query.Params.HydrationBatchSize, query.Params.HydrationBatchesInFlight,
            a => grains.GetGrain<IUserRankingGrain>(a).GetAuthorFacts(query.ViewerId), cancellation);
        query.CountCalls(authors.Length);
        AuthorHydrator.Attach(draft, AuthorHydrator.ByAuthor(authors, facts));
    }
}
