using Recsys.Grains.Ingestion;
using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.Tests.Ingestion;

/// <summary>A batch's scratch collections come back from the pool empty, whatever the batch before left in them.</summary>
[Trait("Category", "BVT")]
[Trait("Area", "Ingestion")]
public sealed class IngestScratchTests
{
    [Fact]
    public void Every_rented_scratch_is_empty_after_others_were_filled_and_returned()
    {
        var filled = Enumerable.Range(0, 20).Select(_ => IngestScratch.Rent()).ToArray();
        var e = new LoggedEngagement(1, "e", 1, EngagementAction.Like, 10, null, 2, DateTimeOffset.UnixEpoch, null);
        foreach (var scratch in filled)
        {
            scratch.UserIds.Add(1);
            scratch.PostIds.Add(10);
            scratch.ExistingUsers.Add(1);
            scratch.PostAuthors[10] = 2;
            scratch.EventIds.Add("e");
            scratch.Posts[10] = new IngestScratch.DeliveryGroup { First = e };
            scratch.Users[1] = new IngestScratch.DeliveryGroup { First = e };
            scratch.Return();
        }

        foreach (var scratch in Enumerable.Range(0, 20).Select(_ => IngestScratch.Rent()))
        {
            Assert.Empty(scratch.UserIds);
            Assert.Empty(scratch.PostIds);
            Assert.Empty(scratch.ExistingUsers);
            Assert.Empty(scratch.PostAuthors);
            Assert.Empty(scratch.EventIds);
            Assert.Empty(scratch.Posts);
            Assert.Empty(scratch.Users);
        }
    }

    [Fact]
    public void Deliveries_reuse_their_arrays_hold_no_event_once_returned_and_are_left_to_a_late_reader_after_a_failure()
    {
        var scratch = new IngestScratch();
        var (a, b) = (Logged(1), Logged(2));
        scratch.Users[1] = new IngestScratch.DeliveryGroup { First = a };
        scratch.Users[2] = new IngestScratch.DeliveryGroup { First = b, More = [b, a] };

        var first = scratch.UserDeliveries();
        Assert.Equal([(1L, 1), (2L, 2)], first.Select(d => (d.TargetId, d.Events.Count)).Order());
        Assert.Same(a, first.Single(d => d.TargetId == 1).Events[0]);
        Assert.Equal(0, scratch.PostDeliveries().Count);

        scratch.Return();
        Assert.All(first.Array!, d => Assert.Null(d.Events)); // the returned scratch keeps no event alive

        scratch.Users[3] = new IngestScratch.DeliveryGroup { First = b };
        var second = scratch.UserDeliveries();
        Assert.Same(first.Array, second.Array);

        scratch.GiveUpDeliveries();
        scratch.Return();
        Assert.Equal(3, second.Array![0].TargetId); // a batcher still reading a failed delivery sees it unchanged
        scratch.Users[4] = new IngestScratch.DeliveryGroup { First = a };
        Assert.NotSame(second.Array, scratch.UserDeliveries().Array);
    }

    private static LoggedEngagement Logged(long sequence) =>
        new(sequence, "e" + sequence, 1, EngagementAction.Like, 10, null, 2, DateTimeOffset.UnixEpoch, null);
}
