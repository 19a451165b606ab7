using System.Globalization;
using System.Reflection;

namespace Recsys.Grains.Ingestion.Log.Schema;

/// <summary>
/// The domain's numbered schema scripts (sql/&lt;dialect&gt;/010 and up; 001-009 belong to the runtime), embedded
/// in this assembly, in name order.
/// </summary>
internal static class DomainSchemaScripts
{
    /// <summary>The first script number the domain owns.</summary>
    public const int FirstNumber = 10;

    public static IReadOnlyList<(string Name, string Sql)> For(string dialect)
    {
        var assembly = typeof(DomainSchemaScripts).Assembly;
        var marker = ".sql." + dialect + ".";
        var scripts = new List<(string Name, string Sql)>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var at = resource.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0 || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[(at + marker.Length)..];
            if (int.TryParse(name.AsSpan(0, Math.Min(3, name.Length)), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= FirstNumber)
            {
                scripts.Add((name, Read(assembly, resource)));
            }
        }

        scripts.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return scripts;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
