using Microsoft.Extensions.DependencyInjection;
using Recsys.Runtime.Catalog;
using Recsys.Runtime.Reminders;
using Recsys.Runtime.Timers;

namespace Recsys.Runtime;

/// <summary>
/// Base class of grain implementations, as in Orleans: identity, factory, lifecycle hooks, timers, reminders.
/// An instance belongs to one activation and runs one turn at a time on it.
/// </summary>
public abstract class Grain
{
    private readonly ActivationData? _activation;

    protected Grain()
    {
        // Constructed by the runtime on the activation's first turn; a test may also new one up directly.
        _activation = ActivationData.Constructing;
    }

    public GrainId GrainId => Activation.GrainId;

    public string IdentityString => Activation.ToString();

    protected IGrainFactory GrainFactory => Activation.Services.GrainFactory;

    protected IServiceProvider ServiceProvider => Activation.Services.ServiceProvider;

    protected TimeProvider TimeProvider => Activation.Services.Time;

    internal ActivationData Activation => _activation
        ?? throw new InvalidOperationException($"{GetType().Name} was not activated by the runtime.");

    /// <summary>Runs after persistent state is loaded and before any call is delivered.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Best effort: runs on graceful deactivation, never after a crash. Correctness must not depend on it.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivate once the current request completes; calls queued behind it go to a new activation.</summary>
    protected void DeactivateOnIdle() =>
        Activation.StartDeactivation(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle"));

    /// <summary>Keep this activation from idle collection for at least <paramref name="period"/>.</summary>
    protected void DelayDeactivation(TimeSpan period) => Activation.DelayDeactivation(period);

    /// <summary>A timer whose ticks are turns of this activation; it dies with the activation.</summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options) =>
        new GrainTimer(Activation, callback, options);

    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        new GrainTimer(Activation, callback, new GrainTimerCreationOptions(dueTime, period));

    /// <summary>A durable reminder: survives deactivation and restarts, and activates the grain (which must implement IRemindable).</summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        if (this is not IRemindable)
        {
            throw new InvalidOperationException($"{GetType().Name} must implement IRemindable to register reminders.");
        }

        return Reminders.RegisterOrUpdateAsync(GrainId, reminderName, dueTime, period);
    }

    protected Task UnregisterReminder(IGrainReminder reminder) => Reminders.UnregisterAsync(GrainId, reminder.ReminderName);

    protected Task<IGrainReminder?> GetReminder(string reminderName) => Reminders.GetAsync(GrainId, reminderName);

    protected Task<IReadOnlyList<IGrainReminder>> GetReminders() => Reminders.GetAllAsync(GrainId);

    private ReminderService Reminders => Activation.Services.ServiceProvider.GetService<ReminderService>()
        ?? throw new InvalidOperationException("No reminder table is configured on this silo.");
}
