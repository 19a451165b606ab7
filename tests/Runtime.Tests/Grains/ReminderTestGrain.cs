using Recsys.Runtime.Reminders;

namespace Recsys.Runtime.Tests.Grains;

public sealed class ReminderTestGrain : Grain, IReminderTestGrain, IRemindable
{
    public async Task Register(string name, TimeSpan due, TimeSpan period) => await RegisterOrUpdateReminder(name, due, period);

    public async Task Unregister(string name)
    {
        if (await GetReminder(name) is { } reminder)
        {
            await UnregisterReminder(reminder);
        }
    }

    public async Task<string[]> Reminders() => (await GetReminders()).Select(r => r.ReminderName).ToArray();

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var count = Probe.Increment($"reminder:{GrainId.Key}:{reminderName}");
        Probe.Signal($"reminder:{GrainId.Key}:{reminderName}:{count}");
        return Task.CompletedTask;
    }
}
