namespace Recsys.Grains.Tests.Support;

/// <summary>
/// Finds ../shared/data: from RECSYS_SHARED_DATA, else by walking up to Recsys.sln and then ../shared/data.
/// Tests that need it skip with the path they tried when it is absent (a fresh clone without shared/).
/// </summary>
public static class SharedData
{
    public const string EnvironmentVariable = "RECSYS_SHARED_DATA";

    public static string Directory
    {
        get
        {
            if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
            {
                return configured;
            }

            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Recsys.sln")))
            {
                dir = dir.Parent;
            }

            return dir is null
                ? Path.GetFullPath("../shared/data")
                : Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
        }
    }

    /// <summary>The full path of a shared data file, or a skip naming where it was looked for.</summary>
    public static string FileOrSkip(string relativePath)
    {
        var path = Path.Combine(Directory, relativePath);
        Skip.IfNot(File.Exists(path), $"shared data file not found at {path} (set {EnvironmentVariable} to the shared/data folder)");
        return path;
    }
}
