using Recsys.Grains.Models;

namespace Recsys.Grains.Tests.Support;

/// <summary>Model files for tests that upload and activate a version.</summary>
public static class TestModels
{
    /// <summary>The committed RealGraph model as a new version's file (a fresh version name each call).</summary>
    public static string RealGraphVersion(string prefix) =>
        ModelFileReader.Write(EmbeddedModels.All.Single(m => m.Name == "realgraph" && m.Version == "default-v0") with
        {
            Version = prefix + "-" + Guid.NewGuid().ToString("N")[..8],
            Description = "a test version",
        });
}
