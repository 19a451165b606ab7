using Recsys.Grains.Interfaces.Errors;
using Recsys.Grains.Interfaces.Users;

namespace Recsys.Grains.Users;

/// <summary>
/// The social graph. Each change has one core used both by the PUT/DELETE routes (which write at once) and by
/// logged engagements (follow, unfollow, block, mute, report; written at the next checkpoint, replayed after a
/// crash). The core makes its one remote call (to the target's Followers grain) before changing anything.
/// </summary>
public sealed partial class UserGrain
{
    public Task<bool> Follow(long targetId) => ChangeAsync(targetId, strict => FollowCoreAsync(targetId, Now, strict));

    public Task<bool> Unfollow(long targetId) => ChangeAsync(targetId, _ => UnfollowCoreAsync(targetId, Now));

    public Task<bool> Block(long targetId) => ChangeAsync(targetId, strict => BlockCoreAsync(targetId, Now, strict));

    public Task<bool> Unblock(long targetId) => ChangeAsync(targetId, _ => Task.FromResult(Social.Blocks.Remove(targetId, Now.UtcTicks, Limits.MaxRemembered)));

    public Task<bool> Mute(long targetId) => ChangeAsync(targetId, strict => Task.FromResult(MuteCore(targetId, Now, strict)));

    public Task<bool> Unmute(long targetId) => ChangeAsync(targetId, _ => Task.FromResult(Social.Mutes.Remove(targetId, Now.UtcTicks, Limits.MaxRemembered)));

    public Task Report(long targetId) => ChangeAsync(targetId, _ => Task.FromResult(ReportCore(targetId, Now)));

    public async Task SetMutedWords(IReadOnlyList<string> words)
    {
        RequireCreated("id");
        Social.MutedWords = WordLists.Normalize(words, "mutedWords", Limits.MaxMutedWords, Limits.MaxMutedWordLength);
        await state.WriteStateAsync();
    }

    public async Task SetContacts(IReadOnlyList<string> hashes)
    {
        RequireCreated("id");
        Social.Contacts = WordLists.Normalize(hashes, "contacts", Limits.MaxContacts, 128, keepCase: true);
        await state.WriteStateAsync();
    }

    public async Task SetFollowedTopics(IReadOnlyList<string> topics)
    {
        RequireCreated("id");
        Social.FollowedTopics = WordLists.Normalize(topics, "topics", Limits.MaxTopics, 100);
        await state.WriteStateAsync();
    }

    public async Task ImportFollows(IReadOnlyList<long> targetIds)
    {
        RequireCreated("id");
        var targets = targetIds.Where(t => t != Id && !Social.Follows.Contains(t)).Distinct().ToArray();
        if (Social.Follows.Count + targets.Length > Limits.MaxFollows)
        {
            throw new ValidationException("targetIds", $"would exceed the follow limit of {Limits.MaxFollows}");
        }

        var exists = await Fanout.BoundedParallel.SelectAsync(targets, fanoutOptions.Value.MaxParallelCalls, t => GrainFactory.GetGrain<IUserGrain>(t).Exists());
        if (Array.IndexOf(exists, false) is var missing and >= 0)
        {
            throw new UnknownEntityException(EntityKind.User, targets[missing], "targetIds");
        }

        var now = Now;
        foreach (var target in targets)
        {
            if (Social.Follows.Add(target, now.UtcTicks))
            {
                RecordRealGraph(target, RealGraph.InteractionType.Follows, now);
            }
        }

        await state.WriteStateAsync();
    }

    private SocialGraph Social => state.State.Social;

    private async Task<bool> ChangeAsync(long targetId, Func<bool, Task<bool>> change)
    {
        RequireCreated("id");
        if (targetId == Id)
        {
            throw new ValidationException("targetId", "must be another user");
        }

        if (!await GrainFactory.GetGrain<IUserGrain>(targetId).Exists())
        {
            throw new UnknownEntityException(EntityKind.User, targetId, "targetId");
        }

        var changed = await change(true);
        if (changed)
        {
            await state.WriteStateAsync();
        }

        return changed;
    }

    private async Task<bool> FollowCoreAsync(long target, DateTimeOffset at, bool strict)
    {
        if (target == Id || Social.Follows.Contains(target)
            || (Social.Follows.Removed.TryGetValue(target, out var removedAt) && removedAt > at.UtcTicks))
        {
            return false;
        }

        if (Social.Blocks.Contains(target))
        {
            return Refuse(strict, "targetId", "is blocked; unblock before following");
        }

        if (Social.Follows.Count >= Limits.MaxFollows)
        {
            return Refuse(strict, "targetId", $"the follow limit of {Limits.MaxFollows} is reached");
        }

        await GrainFactory.GetGrain<IFollowersGrain>(target).Add(Id);
        if (!Social.Follows.Add(target, at.UtcTicks))
        {
            return false;
        }

        RecordRealGraph(target, RealGraph.InteractionType.Follows, at);
        return true;
    }

    private async Task<bool> UnfollowCoreAsync(long target, DateTimeOffset at)
    {
        if (Social.Follows.Present.TryGetValue(target, out var since) && since <= at.UtcTicks)
        {
            await GrainFactory.GetGrain<IFollowersGrain>(target).Remove(Id);
        }

        var removed = Social.Follows.Remove(target, at.UtcTicks, Limits.MaxRemembered);
        if (removed)
        {
            RecordRealGraph(target, RealGraph.InteractionType.Unfollows, at);
        }

        return removed;
    }

    private async Task<bool> BlockCoreAsync(long target, DateTimeOffset at, bool strict)
    {
        if (target == Id || Social.Blocks.Contains(target))
        {
            return false;
        }

        if (Social.Blocks.Count >= Limits.MaxBlocks)
        {
            return Refuse(strict, "targetId", $"the block limit of {Limits.MaxBlocks} is reached");
        }

        var unfollowed = await UnfollowCoreAsync(target, at); // blocking someone also stops following them
        return Social.Blocks.Add(target, at.UtcTicks) || unfollowed;
    }

    private bool MuteCore(long target, DateTimeOffset at, bool strict)
    {
        if (target == Id || Social.Mutes.Contains(target))
        {
            return false;
        }

        return Social.Mutes.Count >= Limits.MaxMutes
            ? Refuse(strict, "targetId", $"the mute limit of {Limits.MaxMutes} is reached")
            : Social.Mutes.Add(target, at.UtcTicks);
    }

    private bool ReportCore(long target, DateTimeOffset at)
    {
        Social.AddReport(target, at.UtcTicks, Limits.MaxRemembered);
        return true;
    }

    // A route refuses with a 400; a logged engagement (already accepted) just has no effect on the graph.
    private static bool Refuse(bool strict, string field, string problem) =>
        strict ? throw new ValidationException(field, problem) : false;
}
