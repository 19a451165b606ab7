using Recsys.Grains.Interfaces.Admin;
using Recsys.Grains.Tests.Support;
using Recsys.Grains.Training;
using Recsys.Grains.Training.ServedLog;
using Recsys.Runtime.Reminders;
using Recsys.Runtime.Testing;

namespace Recsys.Grains.Tests.Training;

[Trait("Category", "Functional")]
[Trait("Area", "Training")]
public sealed class TrainingScheduleTests
{
    [Fact]
    public async Task The_daily_reminder_is_registered_once_and_its_tick_starts_training_and_pruning_once_a_day()
    {
        var time = new ManualTimeProvider(DomainSilo.Start);
        await using var cluster = await DomainSilo.StartAsync(time);
        var schedule = cluster.GrainFactory.GetGrain<ITrainingScheduleGrain>(0);
        var tick = new TickStatus(time.GetUtcNow(), TrainingScheduleGrain.Day, time.GetUtcNow());

        Assert.True(await schedule.EnsureScheduled());
        Assert.False(await schedule.EnsureScheduled());
        await schedule.ReceiveReminder(TrainingScheduleGrain.DailyReminder, tick);
        await schedule.ReceiveReminder(TrainingScheduleGrain.DailyReminder, tick with { CurrentTickTime = tick.CurrentTickTime.AddSeconds(5) }); // another silo's delivery

        var started = (await cluster.GrainFactory.GetGrain<IJobsGrain>(0).List()).Select(j => j.Name).Order().ToArray();
        Assert.Equal([PruneServedLogJob.JobName, TrainingJob.JobName], started);
        var names = await cluster.GrainFactory.GetGrain<IJobsGrain>(0).GetJobNames();
        Assert.Contains(TrainingJob.JobName, names);
    }
}
