using Recsys.Runtime.Storage;

namespace Recsys.Runtime.Tests.Grains;

public sealed class ProfileGrain : Grain, IProfileGrain
{
    private readonly IPersistentState<ProfileState> _profile;

    public ProfileGrain([PersistentState("profile", FlushOnDeactivate = true)] IPersistentState<ProfileState> profile)
    {
        _profile = profile;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // state is loaded before this runs
        Probe.Increment("profile-activated:" + GrainId.Key);
        if (_profile.RecordExists)
        {
            Probe.Signal("profile-loaded-before-activate:" + GrainId.Key + ":" + _profile.State.Name);
        }

        return Task.CompletedTask;
    }

    public Task<ProfileState> Get() => Task.FromResult(_profile.State);

    public async Task SetName(string name)
    {
        _profile.State.Name = name;
        _profile.State.Writes++;
        await _profile.WriteStateAsync();
    }

    public Task SetNameWithoutWrite(string name)
    {
        _profile.State.Name = name;
        return Task.CompletedTask;
    }

    public Task<ICounterGrain?> GetFavourite() => Task.FromResult(_profile.State.Favourite);

    public async Task SetFavourite(ICounterGrain counter)
    {
        _profile.State.Favourite = counter;
        await _profile.WriteStateAsync();
    }

    public Task<string?> GetETag() => Task.FromResult(_profile.Etag);

    public Task Clear() => _profile.ClearStateAsync();
}
