using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Reminders;

namespace Recsys.Runtime.Tests.Reminders;

[Trait("Category", "BVT")]
[Trait("Area", "Reminders")]
public sealed class MemoryReminderTableTests : ReminderTableContractTests
{
    // Shared so that the ServiceId-scoping test sees two tables over the same rows.
    private readonly MemoryReminderTable.Store _store = new();

    protected override IReminderTable CreateTable(string serviceId) =>
        new MemoryReminderTable(Microsoft.Extensions.Options.Options.Create(new ClusterOptions { ServiceId = serviceId }), _store);
}
