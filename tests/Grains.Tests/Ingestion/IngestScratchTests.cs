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
}
