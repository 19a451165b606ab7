namespace Recsys.Grains.Sample;

/// <summary>
/// The planted communities' topics: a name, the language most of its members write in, a country, and a small
/// vocabulary posts are written from (so text reflects the topic; later issues can check that).
/// </summary>
public static class SampleTopics
{
    public static IReadOnlyList<SampleTopic> All { get; } =
    [
        new("football", "en", "GB", ["goal", "match", "league", "striker", "keeper", "derby", "transfer", "pitch", "coach", "season"]),
        new("music", "en", "US", ["album", "tour", "guitar", "single", "concert", "lyrics", "band", "vinyl", "chorus", "studio"]),
        new("tech", "en", "US", ["startup", "cloud", "compiler", "gpu", "release", "bug", "kernel", "api", "latency", "database"]),
        new("cooking", "en", "US", ["recipe", "oven", "garlic", "bread", "spice", "dinner", "sauce", "baking", "pasta", "flavor"]),
        new("travel", "en", "AU", ["flight", "beach", "hostel", "passport", "island", "hike", "train", "museum", "sunset", "map"]),
        new("science", "en", "US", ["paper", "telescope", "cell", "quantum", "experiment", "genome", "climate", "data", "fossil", "orbit"]),
        new("gaming", "en", "US", ["speedrun", "console", "patch", "raid", "boss", "indie", "controller", "stream", "quest", "level"]),
        new("futbol", "es", "ES", ["gol", "partido", "liga", "delantero", "portero", "clasico", "fichaje", "estadio", "entrenador", "temporada"]),
        new("musica", "pt", "BR", ["samba", "show", "disco", "cantor", "festival", "letra", "banda", "violao", "palco", "ritmo"]),
        new("anime", "ja", "JP", ["anime", "manga", "episodio", "studio", "cosplay", "season", "opening", "character", "arc", "volume"]),
        new("finance", "en", "US", ["market", "stock", "rates", "bond", "earnings", "inflation", "fund", "dividend", "crypto", "budget"]),
        new("film", "en", "GB", ["trailer", "director", "premiere", "cinema", "actor", "sequel", "review", "screenplay", "festival", "scene"]),
    ];

    /// <summary>Words any post may use.</summary>
    public static IReadOnlyList<string> Common { get; } = ["today", "really", "new", "great", "thread", "thoughts", "love", "best", "week", "finally"];
}

public sealed record SampleTopic(string Name, string Language, string Country, IReadOnlyList<string> Words);
