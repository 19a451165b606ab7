using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Recsys.Grains.Models;
using Recsys.Grains.Ranking.Models;
using Recsys.Grains.Timeline.CandidateSources;
using Recsys.Grains.Timeline.Hydrators;

namespace Recsys.Grains.Timeline;

/// <summary>
/// Registers the For You timeline (issue 9): its params (section "ForYou", validated at start), sources, hydrators,
/// the pipeline, and the schemas of the light and heavy ranker models it evaluates. TryAdd throughout, so a host or
/// a test may replace a component first (for example <see cref="IFollowRecommendations"/>).
/// </summary>
public static class TimelineServiceCollectionExtensions
{
    public static IServiceCollection AddRecsysTimeline(this IServiceCollection services)
    {
        services.AddOptions<ForYouParams>().BindConfiguration("ForYou").ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ForYouParams>, ForYouParamsValidator>());

        services.TryAddSingleton<InNetworkCandidateSource>();
        services.TryAddSingleton<SocialGraphCandidateSource>();
        services.TryAddSingleton<SimClustersCandidateSource>();
        services.TryAddSingleton<PopularPosts>();
        services.TryAddSingleton<PopularCandidateSource>();
        services.TryAddSingleton<IFollowRecommendations, NoFollowRecommendations>();
        services.TryAddSingleton<FollowRecommendationCandidateSource>();
        services.TryAddSingleton<ViewerHydrator>();
        services.TryAddSingleton<FolloweeEngagementsHydrator>();
        services.TryAddSingleton<PostHydrator>();
        services.TryAddSingleton<AuthorHydrator>();
        services.TryAddSingleton<AuthorRelationHydrator>();
        services.TryAddSingleton<HydrationCaches>();
        services.TryAddSingleton<ForYouComponents>();
        services.TryAddSingleton<ForYouPipeline>();

        services.AddModelSchema(new ModelSchema(LightRanker.ModelName, LightRanker.HeadName, LightRankerFeatures.Names));
        foreach (var head in RankingHeads.Names)
        {
            services.AddModelSchema(new ModelSchema(HeavyRanker.ModelName, head, HeavyRankerFeatures.Names));
        }

        return services;
    }
}
