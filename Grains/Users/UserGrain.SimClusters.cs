using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.SimClusters;

namespace Recsys.Grains.Users;

/// <summary>SimClusters: the job's input (follows and decayed likes per author) and its output for this user.</summary>
public sealed partial class UserGrain
{
    public Task<UserSimClustersInput> GetSimClustersInput()
    {
        var now = Now;
        var pair = aggregates.Pair;
        var longest = pair.HalfLifeTicks.Length - 1;
        var likes = new List<LikedProducer>();
        foreach (var (author, aggregate) in state.State.Activity.Authors.Authors)
        {
            var score = longest < 0 ? aggregate.Total(EngagementAction.Like) : aggregate.Decayed(pair, EngagementAction.Like, longest, now);
            if (score > 0 && author != Id)
            {
                likes.Add(new LikedProducer(author, score));
            }
        }

        likes.Sort((a, b) => a.ProducerId.CompareTo(b.ProducerId));
        var follows = Social.Follows.Present.Keys.Order().ToArray();
        return Task.FromResult(new UserSimClustersInput(Id, follows, likes));
    }

    public async Task SetSimClusters(UserSimClusters simClusters)
    {
        RequireCreated("id");
        if (state.State.SimClusters is { } stored && stored.ModelVersion > simClusters.ModelVersion)
        {
            return; // a late write from an older run
        }

        state.State.SimClusters = simClusters;
        await state.WriteStateAsync();
    }

    public Task<UserSimClusters?> GetSimClusters() => Task.FromResult(state.State.SimClusters);
}
