using System.Net;
using Recsys.Runtime;
using Recsys.Runtime.GrainDirectory;
using Recsys.Runtime.Membership;

namespace Recsys.Cluster.Tests;

[Trait("Category", "Functional")]
[Trait("Area", "Cluster")]
public sealed class GrainDirectoryPartitionTests
{
    private static readonly SiloAddress A = new(new IPEndPoint(IPAddress.Loopback, 11111), 1);
    private static readonly SiloAddress B = new(new IPEndPoint(IPAddress.Loopback, 11112), 1);
    private static readonly GrainId Grain = GrainId.Create("account", 7);

    [Fact]
    public void A_live_activation_on_another_silo_wins_the_registration()
    {
        var partition = new GrainDirectoryPartition();
        partition.Register(new GrainAddress(Grain, A, 1), _ => true);

        var winner = partition.Register(new GrainAddress(Grain, B, 2), _ => true);

        Assert.Equal(new GrainAddress(Grain, A, 1), winner);
    }

    [Fact]
    public void An_entry_on_the_registering_silo_is_replaced_whether_a_placement_hint_or_a_gone_activation()
    {
        var partition = new GrainDirectoryPartition();
        partition.Register(new GrainAddress(Grain, A, 0), _ => true);
        var replacesHint = partition.Register(new GrainAddress(Grain, A, 5), _ => true);

        // A late re-registration of an activation that is gone must not stand in the way of its silo's next one:
        // otherwise that silo is told to forward to itself until the forward limit fails the call.
        var replacesGone = partition.Register(new GrainAddress(Grain, A, 6), _ => true);

        Assert.Equal(new GrainAddress(Grain, A, 5), replacesHint);
        Assert.Equal(new GrainAddress(Grain, A, 6), replacesGone);
        Assert.Equal(new GrainAddress(Grain, A, 6), partition.Lookup(Grain));
    }
}
