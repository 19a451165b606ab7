using System.Text.RegularExpressions;

namespace Recsys.Grains.Models;

/// <summary>
/// The rules of the model file format: a known format number; lower-case names and versions (letters, digits,
/// dashes, dots); at least one head, heads and features unique; finite weights; and a one-line reason on every
/// coefficient and intercept, so that anyone reading a model knows why each number is what it is.
/// </summary>
public static partial class ModelFileRules
{
    /// <summary>The longest reason allowed: one line of prose.</summary>
    public const int MaxReasonLength = 300;

    public static void Check(ModelFile model, string origin)
    {
        if (model.Format != ModelFile.CurrentFormat)
        {
            throw new ModelFileException(origin, $"format {model.Format} is not supported (this build reads format {ModelFile.CurrentFormat})");
        }

        CheckName(origin, "name", model.Name);
        CheckName(origin, "version", model.Version);
        if (model.Heads.Count == 0)
        {
            throw new ModelFileException(origin, "heads: at least one head is required");
        }

        for (var i = 0; i < model.Heads.Count; i++)
        {
            CheckHead(origin, $"heads[{i}]", model.Heads[i]);
        }

        if (model.Heads.GroupBy(h => h.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ModelFileException(origin, $"heads: head '{twice.Key}' appears twice");
        }
    }

    private static void CheckHead(string origin, string path, ModelHead head)
    {
        CheckName(origin, path + ".name", head.Name);
        CheckWeight(origin, path + ".intercept", head.Intercept.Weight, head.Intercept.Reason);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var j = 0; j < head.Coefficients.Count; j++)
        {
            var c = head.Coefficients[j];
            var at = $"{path}.coefficients[{j}]";
            CheckName(origin, at + ".feature", c.Feature);
            CheckWeight(origin, at, c.Weight, c.Reason);
            if (!seen.Add(c.Feature))
            {
                throw new ModelFileException(origin, $"{at}.feature: '{c.Feature}' appears twice in head '{head.Name}'");
            }
        }
    }

    private static void CheckWeight(string origin, string path, double weight, string reason)
    {
        if (!double.IsFinite(weight))
        {
            throw new ModelFileException(origin, $"{path}.weight must be a finite number");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Contains('\n') || reason.Length > MaxReasonLength)
        {
            throw new ModelFileException(origin, $"{path}.reason must be one line of 1-{MaxReasonLength} characters saying why the weight is what it is");
        }
    }

    private static void CheckName(string origin, string path, string value)
    {
        if (!NamePattern().IsMatch(value))
        {
            throw new ModelFileException(origin, $"{path} '{value}' must be 1-64 lower-case letters, digits, '_', '-' or '.', starting with a letter or digit");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_.-]{0,63}$")]
    private static partial Regex NamePattern();
}
