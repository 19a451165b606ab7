using Microsoft.Extensions.Options;

namespace Recsys.Grains.Aggregates;

/// <summary>The resolved specs of every aggregate group: one shared instance per silo.</summary>
public sealed class AggregateSpecs
{
    public AggregateSpecs(IOptions<AggregateOptions> options)
    {
        var value = options.Value;
        Post = new AggregateSpec(value.Post);
        Actor = new AggregateSpec(value.Actor);
        Author = new AggregateSpec(value.Author);
        Pair = new AggregateSpec(value.Pair);
        MaxPairAuthors = value.MaxPairAuthors;
    }

    public AggregateSpec Post { get; }

    public AggregateSpec Actor { get; }

    public AggregateSpec Author { get; }

    public AggregateSpec Pair { get; }

    public int MaxPairAuthors { get; }
}
