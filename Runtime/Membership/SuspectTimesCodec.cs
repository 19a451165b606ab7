using System.Globalization;

namespace Recsys.Runtime.Membership;

/// <summary>Suspicion votes as Orleans stores them: "silo,time|silo,time".</summary>
internal static class SuspectTimesCodec
{
    public static string? Encode(IReadOnlyList<SuspectVote> votes) =>
        votes.Count == 0 ? null : string.Join("|", votes.Select(v => v.Voter + "," + v.Time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)));

    public static IReadOnlyList<SuspectVote> Decode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        return text.Split('|').Select(vote =>
        {
            var comma = vote.LastIndexOf(',');
            return new SuspectVote(SiloAddress.Parse(vote[..comma]),
                DateTimeOffset.Parse(vote[(comma + 1)..], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal));
        }).ToList();
    }
}
