using System.Text.Json;

namespace Recsys.Bench.ForYou;

/// <summary>
/// What a kept For You benchmark database holds, in a file beside it: the data shape and the "now" it was generated
/// for (the generator gives the same data for the same shape and now, so a later run regenerates the viewers' pools
/// instead of loading again). Written only after the bulk load finished.
/// </summary>
public sealed record ForYouBenchManifest(int Users, double Follows, double Posts, double Views, DateTimeOffset Now)
{
    public static ForYouBenchManifest? Read(string database) =>
        File.Exists(PathOf(database)) ? JsonSerializer.Deserialize<ForYouBenchManifest>(File.ReadAllText(PathOf(database))) : null;

    public static void Delete(string database) => File.Delete(PathOf(database));

    public void Write(string database) => File.WriteAllText(PathOf(database), JsonSerializer.Serialize(this));

    private static string PathOf(string database) => database + ".manifest.json";
}
