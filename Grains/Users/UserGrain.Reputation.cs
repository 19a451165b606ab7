using Recsys.Grains.Interfaces.Reputation;
using Recsys.Grains.Interfaces.Users;

namespace Recsys.Grains.Users;

/// <summary>
/// Tweepcred (issue 7): the job's input (prior facts, yesterday's PageRank, follows with their RealGraph weight)
/// and its output, kept in the "tweepcred" state and shown by the profile, the viewer context and ranking's author facts.
/// </summary>
public sealed partial class UserGrain
{
    public async Task<UserReputationInput?> GetTweepcredInput(bool weighted)
    {
        if (state.State.Profile is not { } profile)
        {
            return null;
        }

        var follows = Social.Follows.Present.Keys.Order().ToArray();
        float[]? weights = null;
        if (weighted)
        {
            // Weighted tweepcred takes max(1, RealGraph weight) per follow; the timeline scale 1 + 1.97·score is ≥ 1.
            var scores = (await GetRealGraph(int.MaxValue)).Edges.Where(e => e.Followed).ToDictionary(e => e.UserId, e => e.TimelineWeight);
            weights = follows.Select(f => (float)scores.GetValueOrDefault(f, 1.0)).ToArray();
        }

        return new UserReputationInput(Id, profile.SignupTime, profile.Verified, profile.HasDevice, profile.Suspended, profile.Restricted,
            tweepcredState.State.Last?.PageRank, follows, weights);
    }

    public async Task SetTweepcred(UserReputation reputation)
    {
        ArgumentNullException.ThrowIfNull(reputation);
        RequireCreated("id");
        if (tweepcredState.State.Last is { } stored && stored.ComputedAt > reputation.ComputedAt)
        {
            return; // a late write from an older run
        }

        tweepcredState.State.Last = reputation;
        await tweepcredState.WriteStateAsync();
    }

    public Task<UserReputation?> GetTweepcred() => Task.FromResult(tweepcredState.State.Last);

    // The 0..100 score ranking, who-to-follow and the profile read; null until the tweepcred job has scored the user.
    private int? Tweepcred => tweepcredState.State.Last?.Tweepcred;
}
