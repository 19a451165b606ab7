using System.Globalization;

namespace Recsys.Grains.Import;

/// <summary>
/// Reads the SNAP Higgs activity log (higgs-activity_time.txt[.gz]): one interaction per line,
/// "userA userB unix_time RT|MT|RE", whitespace separated. Blank lines and '#' comments are skipped; anything else
/// that does not fit is an <see cref="ImportFormatException"/> naming the line.
/// </summary>
public static class HiggsActivityReader
{
    public static List<HiggsInteraction> Read(string path)
    {
        using var reader = ImportFile.OpenText(path);
        var interactions = new List<HiggsInteraction>();
        long number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#') || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            interactions.Add(Parse(ImportFile.Fields(line)) ?? throw ImportFormatException.AtLine(path, number,
                $"expected 'userA userB unix_time RT|MT|RE' with positive ids, got '{Truncate(line)}'"));
        }

        return interactions;
    }

    private static HiggsInteraction? Parse(string[] fields)
    {
        if (fields.Length != 4 || !Positive(fields[0], out var a) || !Positive(fields[1], out var b)
            || !long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var time))
        {
            return null;
        }

        HiggsKind? kind = fields[3] switch
        {
            "RT" => HiggsKind.Retweet,
            "MT" => HiggsKind.Mention,
            "RE" => HiggsKind.Reply,
            _ => null,
        };
        return kind is { } k ? new HiggsInteraction(a, b, time, k) : null;
    }

    private static bool Positive(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;

    private static string Truncate(string line) => line.Length <= 60 ? line : line[..60] + "...";
}
