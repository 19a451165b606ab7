using System.IO.Compression;
using Recsys.Grains.Interfaces.SimClusters;

namespace Recsys.Grains.Tests.SimClusters;

/// <summary>
/// The shared real graphs as SimClusters job inputs. ego-Facebook is undirected: each friendship is a follow both
/// ways, and node n is user n + 1 (user ids are positive). Higgs has interactions, not follows: a user's first interaction of any kind with another (retweet, mention,
/// reply) counts as following them, and each retweet as one like of the retweeted user (no decay: the log spans a week).
/// </summary>
public static class RealGraphs
{
    public const string FacebookFile = "facebook_combined.txt";
    public const string HiggsFile = "higgs-activity_time.txt.gz";

    public static UserSimClustersInput[] Facebook(string path)
    {
        var follows = new Dictionary<long, HashSet<long>>();
        foreach (var line in File.ReadLines(path))
        {
            if (Parse(line) is { } edge)
            {
                Add(follows, edge.A + 1, edge.B + 1);
                Add(follows, edge.B + 1, edge.A + 1);
            }
        }

        return Inputs(follows, []);
    }

    public static UserSimClustersInput[] Higgs(string path)
    {
        var follows = new Dictionary<long, HashSet<long>>();
        var retweets = new Dictionary<(long, long), int>();
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        while (reader.ReadLine() is { } line)
        {
            if (Parse(line) is { } edge && edge.A != edge.B)
            {
                Add(follows, edge.A, edge.B);
                if (line.EndsWith(" RT", StringComparison.Ordinal))
                {
                    retweets[(edge.A, edge.B)] = retweets.GetValueOrDefault((edge.A, edge.B)) + 1;
                }
            }
        }

        return Inputs(follows, retweets);
    }

    private static UserSimClustersInput[] Inputs(Dictionary<long, HashSet<long>> follows, Dictionary<(long User, long Producer), int> likes)
    {
        var liked = likes.ToLookup(l => l.Key.User, l => new LikedProducer(l.Key.Producer, l.Value));
        return follows.Keys.Union(liked.Select(g => g.Key)).Order()
            .Select(u => new UserSimClustersInput(
                u,
                follows.TryGetValue(u, out var f) ? f.Order().ToArray() : [],
                liked[u].OrderBy(l => l.ProducerId).ToArray()))
            .ToArray();
    }

    private static void Add(Dictionary<long, HashSet<long>> follows, long user, long producer)
    {
        if (!follows.TryGetValue(user, out var set))
        {
            follows[user] = set = [];
        }

        set.Add(producer);
    }

    private static (long A, long B)? Parse(string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && !line.StartsWith('#') && long.TryParse(parts[0], out var a) && long.TryParse(parts[1], out var b) ? (a, b) : null;
    }
}
