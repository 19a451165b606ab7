using System.Reflection;

namespace Recsys.Runtime.Storage.Schema;

/// <summary>
/// The sql/&lt;dialect&gt;/*.sql files embedded in this assembly, in name order. Any script dropped into a dialect's
/// folder (storage, reminders, later membership) is picked up without code changes.
/// </summary>
internal static class EmbeddedSchemaScripts
{
    public static IReadOnlyList<SchemaScript> For(string dialect)
    {
        ArgumentException.ThrowIfNullOrEmpty(dialect);
        var assembly = typeof(EmbeddedSchemaScripts).Assembly;

        // Resource names look like "Recsys.Runtime.sql.postgresql.001_grain_storage.sql".
        var marker = ".sql." + dialect + ".";
        var scripts = new List<SchemaScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var at = resource.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0 || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            scripts.Add(new SchemaScript(resource[(at + marker.Length)..], Read(assembly, resource)));
        }

        scripts.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return scripts;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded schema script {resource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
