namespace Recsys.Grains.Import;

/// <summary>One line of the SNAP Higgs activity log: <see cref="UserA"/> acted on <see cref="UserB"/> at a Unix time.</summary>
public readonly record struct HiggsInteraction(long UserA, long UserB, long UnixTime, HiggsKind Kind);

/// <summary>RT: A retweeted B; MT: A mentioned B; RE: A replied to B.</summary>
public enum HiggsKind
{
    Retweet,
    Mention,
    Reply,
}
