using System.Reflection;

namespace Recsys.Grains.Models;

/// <summary>
/// The model files committed under models/ at the repository root and embedded in this assembly as
/// "models/&lt;name&gt;/&lt;version&gt;.json". Each file's name and version must match its path.
/// </summary>
public static class EmbeddedModels
{
    private const string Prefix = "models/";

    private static readonly Lazy<IReadOnlyList<ModelFile>> Files = new(Load);

    public static IReadOnlyList<ModelFile> All => Files.Value;

    private static IReadOnlyList<ModelFile> Load()
    {
        var assembly = typeof(EmbeddedModels).Assembly;
        var models = new List<ModelFile>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var path = resource.Replace('\\', '/');
            if (!path.StartsWith(Prefix, StringComparison.Ordinal) || !path.EndsWith(".json", StringComparison.Ordinal))
            {
                continue;
            }

            var model = ModelFileReader.Parse(Read(assembly, resource), path);
            var expected = $"{Prefix}{model.Name}/{model.Version}.json";
            if (path != expected)
            {
                throw new ModelFileException(path, $"a model named {model} must be stored as {expected}");
            }

            models.Add(model);
        }

        return models.OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Version, StringComparer.Ordinal).ToArray();
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
