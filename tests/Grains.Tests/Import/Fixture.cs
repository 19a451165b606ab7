using System.IO.Compression;

namespace Recsys.Grains.Tests.Import;

/// <summary>The importer fixtures in Import/Fixtures (copied beside the test assembly), and gzip copies of them.</summary>
public static class Fixture
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures", name);

    /// <summary>A gzip copy of a fixture in a temp file (deleted by the caller).</summary>
    public static string Gzipped(string name)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"recsys-fixture-{Guid.NewGuid():N}.gz");
        using var input = File.OpenRead(Path(name));
        using var output = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        input.CopyTo(output);
        return path;
    }
}
