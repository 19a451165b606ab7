using Recsys.Grains.Interfaces.Errors;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Tests.Support;

namespace Recsys.Grains.Tests.Users;

[Trait("Category", "BVT")]
[Trait("Area", "Users")]
public sealed class UserGrainTests
{
    [Fact]
    public async Task An_upserted_profile_is_read_back_as_the_public_view()
    {
        await using var cluster = await DomainSilo.StartAsync();
        var id = DomainSilo.UniqueId();
        var profile = new UserProfile(id, "ada_l", "en", "GB", DomainSilo.Start.AddDays(-400), Verified: true, Client: ClientPlatform.Ios);

        await cluster.GrainFactory.GetGrain<IUserGrain>(id).Upsert(profile);
        await cluster.GrainFactory.GetGrain<IUserGrain>(id).Upsert(profile with { Handle = "ada" });
        var view = await cluster.GrainFactory.GetGrain<IUserGrain>(id).GetProfile();

        Assert.Equal("ada", view.Handle);
        Assert.True(view.Verified);
        Assert.Equal("GB", view.Country);
        Assert.Equal(0, view.FollowerCount);
        Assert.Equal(UserState.NearZero, view.State);
    }

    [Fact]
    public async Task A_user_never_created_is_unknown_and_an_invalid_profile_is_refused_naming_the_field()
    {
        await using var cluster = await DomainSilo.StartAsync();
        var id = DomainSilo.UniqueId();
        var user = cluster.GrainFactory.GetGrain<IUserGrain>(id);

        var unknown = await Assert.ThrowsAsync<UnknownEntityException>(() => user.GetProfile());
        var badHandle = await Assert.ThrowsAsync<ValidationException>(() => user.Upsert(new UserProfile(id, "no spaces allowed", "en", null, DomainSilo.Start)));
        var future = await Assert.ThrowsAsync<ValidationException>(() => user.Upsert(new UserProfile(id, "ok", "en", null, DomainSilo.Start.AddDays(1))));

        Assert.Equal(("id", EntityKind.User, id), (unknown.Field, unknown.Kind, unknown.Id));
        Assert.Equal("handle", badHandle.Field);
        Assert.Equal("signupTime", future.Field);
        Assert.False(await user.Exists());
    }
}
