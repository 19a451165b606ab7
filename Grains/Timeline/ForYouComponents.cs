using Recsys.Grains.Models;
using Recsys.Grains.Timeline.CandidateSources;
using Recsys.Grains.Timeline.Hydrators;
using Recsys.Grains.Timeline.SideEffects;

namespace Recsys.Grains.Timeline;

/// <summary>
/// The grain-facing components of the For You pipeline, one per silo, from DI; <see cref="ForYouPipelineConfig"/>
/// arranges them. <see cref="Additional"/> are sources a host or a test registers as <see cref="ICandidateSource"/>
/// (they run after the declared ones);
/// <see cref="SideEffects"/> likewise.
/// </summary>
public sealed class ForYouComponents(
    InNetworkCandidateSource inNetwork,
    SocialGraphCandidateSource socialGraph,
    SimClustersCandidateSource simClusters,
    PopularCandidateSource popular,
    FollowRecommendationCandidateSource followRecommendation,
    PostHydrator postHydrator,
    AuthorHydrator authorHydrator,
    AuthorRelationHydrator authorRelationHydrator,
    FolloweeEngagementsHydrator followeeEngagements,
    ModelCatalog models,
    IEnumerable<ICandidateSource> additional,
    IEnumerable<ISideEffect> sideEffects)
{
    public InNetworkCandidateSource InNetwork => inNetwork;

    public SocialGraphCandidateSource SocialGraph => socialGraph;

    public SimClustersCandidateSource SimClusters => simClusters;

    public PopularCandidateSource Popular => popular;

    public FollowRecommendationCandidateSource FollowRecommendation => followRecommendation;

    public PostHydrator PostHydrator => postHydrator;

    public AuthorHydrator AuthorHydrator => authorHydrator;

    public AuthorRelationHydrator AuthorRelationHydrator => authorRelationHydrator;

    public FolloweeEngagementsHydrator FolloweeEngagements => followeeEngagements;

    public ModelCatalog Models => models;

    public IReadOnlyList<ICandidateSource> Additional { get; } = additional.ToArray();

    /// <summary>Side effects a host registers as <see cref="ISideEffect"/> (the served-item log), run after the declared ones.</summary>
    public IReadOnlyList<ISideEffect> SideEffects { get; } = sideEffects.ToArray();
}
