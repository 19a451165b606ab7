using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Recsys.Runtime.Configuration.Options;

namespace Recsys.Runtime.Messaging;

/// <summary>
/// Only members talk: the accepting side sends a random nonce in its hello; the connecting side answers with
/// HMAC-SHA256(cluster key, nonce | role | silo | cluster id). The key never crosses the wire, and a proof cannot
/// be replayed on another connection (fresh nonce). Without a configured key, only the cluster id is checked.
/// </summary>
internal sealed class ConnectionAuthenticator
{
    private readonly byte[]? _key;

    public ConnectionAuthenticator(IOptions<ClusterOptions> options)
    {
        _key = string.IsNullOrEmpty(options.Value.ClusterKey) ? null : Encoding.UTF8.GetBytes(options.Value.ClusterKey);
    }

    public bool RequiresProof => _key is not null;

    public string NewNonce() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    /// <summary>Adds the proof to a hello that answers the peer's nonce.</summary>
    public HelloMessage Answer(HelloMessage hello, string? nonce) =>
        _key is null || nonce is null ? hello : hello with { Proof = Prove(_key, nonce, hello) };

    /// <summary>Throws, naming the reason, if the peer is not a member of this cluster.</summary>
    public void Verify(HelloMessage hello, string nonce, string clusterId, bool expectClient)
    {
        if (hello.ClusterId != clusterId)
        {
            throw new UnauthorizedAccessException($"peer belongs to cluster '{hello.ClusterId}', not '{clusterId}'");
        }

        var expectedRole = expectClient ? "client" : "silo";
        if (hello.Role != expectedRole)
        {
            throw new UnauthorizedAccessException($"peer role '{hello.Role}' is not allowed on this port (expected '{expectedRole}')");
        }

        if (_key is null)
        {
            return;
        }

        var expected = Convert.FromBase64String(Prove(_key, nonce, hello));
        byte[] given;
        try
        {
            given = Convert.FromBase64String(hello.Proof ?? "");
        }
        catch (FormatException)
        {
            given = [];
        }

        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            throw new UnauthorizedAccessException("peer did not prove it holds the cluster key");
        }
    }

    private static string Prove(byte[] key, string nonce, HelloMessage hello) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{nonce}|{hello.Role}|{hello.Silo}|{hello.ClusterId}")));
}
