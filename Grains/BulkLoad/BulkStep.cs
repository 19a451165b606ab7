using Recsys.Runtime;

namespace Recsys.Grains.BulkLoad;

/// <summary>
/// One piece of a bulk load: calls on the grains of the private silo (<paramref name="Run"/>), named by its stage
/// for progress, and weighed in <paramref name="Items"/> (users, posts, follows, events) so the loader knows when a
/// transaction is full. A step runs whole inside one transaction; the loader commits between steps.
/// </summary>
public sealed record BulkStep(string Stage, long Items, Func<IGrainFactory, Task> Run);
