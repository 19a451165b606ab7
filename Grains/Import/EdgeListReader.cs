using System.Globalization;

namespace Recsys.Grains.Import;

/// <summary>
/// Reads a SNAP-style edge list: one edge "from to [more columns]" per line, separated by commas or whitespace,
/// with '#' comment lines. Node ids are integers (shifted by <see cref="EdgeListOptions.IdOffset"/>, then required to
/// be positive); the weight and time columns are read when asked for. Self-loops are dropped.
/// </summary>
public static class EdgeListReader
{
    public static List<ImportEdge> Read(string path, EdgeListOptions options)
    {
        if (options.Problem() is { } problem)
        {
            throw new ImportFormatException(problem);
        }

        using var reader = ImportFile.OpenText(path);
        var edges = new List<ImportEdge>();
        long number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var trimmed = line.AsSpan().Trim();
            if (trimmed.IsEmpty || trimmed[0] == '#')
            {
                continue;
            }

            var fields = ImportFile.Fields(line);
            var needed = Math.Max(2, Math.Max(options.WeightColumn ?? 0, options.TimeColumn ?? 0));
            if (fields.Length < needed)
            {
                throw ImportFormatException.AtLine(path, number, $"expected at least {needed} columns, got {fields.Length}");
            }

            var from = Node(path, number, fields[0], options);
            var to = Node(path, number, fields[1], options);
            var weight = options.WeightColumn is { } w ? Number(path, number, fields[w - 1], "weight") : 1.0;
            long? time = options.TimeColumn is { } t ? (long)Number(path, number, fields[t - 1], "time") : null;
            if (from != to && weight >= (options.MinWeight ?? double.NegativeInfinity))
            {
                edges.Add(new ImportEdge(from, to, weight, time));
            }
        }

        return edges;
    }

    private static long Node(string path, long line, string text, EdgeListOptions options)
    {
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
        {
            throw ImportFormatException.AtLine(path, line, $"node id '{text}' is not an integer");
        }

        var shifted = id + options.IdOffset;
        return shifted > 0 ? shifted : throw ImportFormatException.AtLine(path, line,
            $"node id {id} would be user id {shifted}; user ids must be positive (use --id-offset {1 - id})");
    }

    private static double Number(string path, long line, string text, string what) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw ImportFormatException.AtLine(path, line, $"{what} '{text}' is not a number");
}

/// <summary>One edge: a follow of <see cref="To"/> by <see cref="From"/>, with its weight and optional Unix time.</summary>
public readonly record struct ImportEdge(long From, long To, double Weight, long? UnixTime);
