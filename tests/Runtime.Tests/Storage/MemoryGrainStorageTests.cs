using Microsoft.Extensions.Logging.Abstractions;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Storage;

namespace Recsys.Runtime.Tests.Storage;

[Trait("Category", "BVT")]
[Trait("Area", "Storage")]
public sealed class MemoryGrainStorageTests : GrainStorageContractTests
{
    // Shared so that the ServiceId-scoping test sees two providers over the same rows.
    private readonly MemoryGrainStorage.Store _store = new();

    protected override IGrainStorage CreateStorage(string serviceId) =>
        new MemoryGrainStorage(
            Microsoft.Extensions.Options.Options.Create(new ClusterOptions { ServiceId = serviceId }),
            NullLogger<MemoryGrainStorage>.Instance,
            _store);
}
