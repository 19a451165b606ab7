using Recsys.Grains.Ingestion;
using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.Tests.Ingestion;

[Trait("Category", "BVT")]
[Trait("Area", "Ingestion")]
public sealed class EngagementValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly IngestionOptions Options = new();

    [Theory]
    [InlineData(EngagementAction.Like, 5L, null, null)]
    [InlineData(EngagementAction.Like, null, null, "postId")]
    [InlineData(EngagementAction.Like, 5L, 9L, "targetUserId")]
    [InlineData(EngagementAction.Follow, null, 9L, null)]
    [InlineData(EngagementAction.Follow, null, null, "targetUserId")]
    [InlineData(EngagementAction.Follow, null, 1L, "targetUserId")]
    [InlineData(EngagementAction.ProfileClick, 5L, null, null)]
    [InlineData(EngagementAction.ProfileClick, null, 9L, null)]
    [InlineData(EngagementAction.NotInterested, null, null, "postId")]
    [InlineData(EngagementAction.Login, null, null, null)]
    [InlineData(EngagementAction.Login, 5L, null, "postId")]
    [InlineData(EngagementAction.NotificationOpen, 5L, null, null)]
    public void Each_action_names_what_it_is_about(EngagementAction action, long? post, long? target, string? field) =>
        Assert.Equal(field, EngagementValidator.Validate(new EngagementEvent("x", 1, action, post, target, Now), Options, Now)?.Field);

    [Fact]
    public void Ids_times_and_values_are_checked()
    {
        var ok = new EngagementEvent("x", 1, EngagementAction.Dwell, 5, null, Now, 1200);

        Assert.Null(EngagementValidator.Validate(ok, Options, Now));
        Assert.Equal("id", EngagementValidator.Validate(ok with { Id = new string('x', 65) }, Options, Now)?.Field);
        Assert.Equal("time", EngagementValidator.Validate(ok with { Time = Now.AddMinutes(2) }, Options, Now)?.Field);
        Assert.Null(EngagementValidator.Validate(ok with { Time = Now.AddSeconds(30) }, Options, Now));
        Assert.Equal("time", EngagementValidator.Validate(ok with { Time = default }, Options, Now)?.Field);
        Assert.Equal("value", EngagementValidator.Validate(ok with { Value = double.NaN }, Options, Now)?.Field);
        Assert.Equal("userId", EngagementValidator.Validate(ok with { UserId = 0 }, Options, Now)?.Field);
    }

    [Fact]
    public void Every_action_has_a_snake_case_wire_name_that_parses_back()
    {
        foreach (var action in Enum.GetValues<EngagementAction>())
        {
            Assert.True(EngagementActionNames.TryParse(action.Name(), out var back));
            Assert.Equal(action, back);
            Assert.Matches("^[a-z]+(_[a-z]+)*$", action.Name());
        }

        Assert.Equal("not_interested", EngagementAction.NotInterested.Name());
        Assert.Equal(24, EngagementActionNames.All.Count);
    }
}
