namespace Recsys.Runtime.Reminders;

/// <summary>A grain class that uses reminders implements this; each tick arrives as a call (and activates the grain).</summary>
public interface IRemindable : IGrain
{
    Task ReceiveReminder(string reminderName, TickStatus status);
}
