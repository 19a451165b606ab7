using Microsoft.Extensions.Options;

namespace Recsys.Grains.Training;

public sealed class TrainingOptionsValidator : IValidateOptions<TrainingOptions>
{
    public ValidateOptionsResult Validate(string? name, TrainingOptions o)
    {
        var errors = new List<string>();
        Check(o.LabelWindow > TimeSpan.Zero, "LabelWindow must be positive.");
        Check(o.LookBack > o.LabelWindow, "LookBack must be longer than LabelWindow.");
        Check(o.TrainFraction is > 0.1 and < 0.95, "TrainFraction must be between 0.1 and 0.95.");
        Check(o.L2 is >= 0 and <= 1e6, "L2 must be between 0 and 1e6.");
        Check(o.MinPositives >= 1, "MinPositives must be at least 1.");
        Check(o.MinExamples >= 10, "MinExamples must be at least 10.");
        Check(o.MaxExamples >= o.MinExamples, "MaxExamples must be at least MinExamples.");
        Check(o.AucTolerance is >= 0 and < 0.5, "AucTolerance must be in [0, 0.5).");
        Check(o.MinAucGain is >= 0 and < 0.5, "MinAucGain must be in [0, 0.5).");
        Check(o.DailyAt >= TimeSpan.Zero && o.DailyAt < TimeSpan.FromDays(1), "DailyAt must be a time of day.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);

        void Check(bool ok, string message)
        {
            if (!ok)
            {
                errors.Add("TrainingOptions." + message);
            }
        }
    }
}
