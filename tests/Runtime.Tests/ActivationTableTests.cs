using Recsys.Runtime.Catalog;
using Recsys.Runtime.Invocation;

namespace Recsys.Runtime.Tests;

[Trait("Category", "BVT")]
[Trait("Area", "Catalog")]
public sealed class ActivationTableTests
{
    [Fact]
    public void The_first_target_added_for_an_id_wins_and_is_found_by_an_equal_id()
    {
        var table = new ActivationTable();
        var first = new Target(GrainId.Create("user", 5));

        Assert.Same(first, table.GetOrAdd(first));
        Assert.Same(first, table.GetOrAdd(new Target(GrainId.Create("user", 5))));
        Assert.Same(first, table.Find(GrainId.Parse("user/5")));
        Assert.Null(table.Find(GrainId.Create("post", 5)));
        Assert.Null(table.Find(GrainId.Create("user", "05")));
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void Through_growth_and_removals_every_live_target_is_found_and_no_removed_one()
    {
        var table = new ActivationTable();
        var targets = Enumerable.Range(0, 10_000).Select(i => new Target(i % 3 == 0 ? GrainId.Create("user", i) : GrainId.Create("doc", $"key-{i}"))).ToArray();
        foreach (var target in targets)
        {
            table.GetOrAdd(target);
        }

        // Removing every other one leaves removed slots in the middle of probe paths; the rest must be found past them.
        var removed = targets.Where((_, i) => i % 2 == 0).ToArray();
        Assert.All(removed, t => Assert.True(table.TryRemove(t)));
        Assert.All(removed, t => Assert.False(table.TryRemove(t)));
        var live = targets.Where((_, i) => i % 2 == 1).ToArray();

        Assert.All(live, t => Assert.Same(t, table.Find(t.GrainId)));
        Assert.All(removed, t => Assert.Null(table.Find(t.GrainId)));
        Assert.Equal(live.Length, table.Count);
        Assert.True(live.ToHashSet().SetEquals(table.Targets.Cast<Target>()));

        // A removed id can be registered again, by a new target, and the slots freed are reused without losing anyone.
        var again = removed.Select(t => new Target(t.GrainId)).ToArray();
        Assert.All(again, t => Assert.Same(t, table.GetOrAdd(t)));
        Assert.All(again.Concat(live), t => Assert.Same(t, table.Find(t.GrainId)));
        Assert.Equal(targets.Length, table.Count);
    }

    [Fact]
    public void Removing_a_target_that_was_replaced_leaves_the_replacement()
    {
        var table = new ActivationTable();
        var old = new Target(GrainId.Create("user", 1));
        table.GetOrAdd(old);
        table.TryRemove(old);
        var replacement = table.GetOrAdd(new Target(GrainId.Create("user", 1)));

        Assert.False(table.TryRemove(old));
        Assert.Same(replacement, table.Find(GrainId.Create("user", 1)));
    }

    [Fact]
    public async Task Readers_never_miss_a_target_that_stays_while_others_come_and_go()
    {
        var table = new ActivationTable();
        var stable = Enumerable.Range(0, 1_000).Select(i => new Target(GrainId.Create("stable", i))).ToArray();
        foreach (var target in stable)
        {
            table.GetOrAdd(target);
        }

        using var done = new CancellationTokenSource();
        var churn = Task.Run(() =>
        {
            // Enough adds to grow the table several times, and removals to sweep it at the same size.
            for (var round = 0; round < 40; round++)
            {
                var transient = Enumerable.Range(0, 2_000).Select(i => new Target(GrainId.Create("transient", (round * 2_000) + i))).ToArray();
                foreach (var target in transient)
                {
                    table.GetOrAdd(target);
                }

                foreach (var target in transient)
                {
                    table.TryRemove(target);
                }
            }

            done.Cancel();
        });

        var misses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var missed = 0;
            do
            {
                foreach (var target in stable)
                {
                    missed += ReferenceEquals(table.Find(target.GrainId), target) ? 0 : 1;
                }
            }
            while (!done.IsCancellationRequested);

            return missed;
        })));
        await churn;

        Assert.All(misses, m => Assert.Equal(0, m));
        Assert.Equal(stable.Length, table.Count);
    }

    private sealed class Target(GrainId grainId) : ActivationTarget(grainId)
    {
        public override IEnumerable<ActivationData> Activations => [];

        public override bool TryEnqueue(Invokable request) => false;
    }
}
