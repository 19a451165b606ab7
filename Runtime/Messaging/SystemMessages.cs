using System.Text.Json;
using System.Text.Json.Serialization;

namespace Recsys.Runtime.Messaging;

/// <summary>The first frame on every connection: who is calling, and for which cluster.</summary>
internal sealed record HelloMessage(string Role, string ClusterId, string? Silo, string? Nonce = null, string? Proof = null);

/// <summary>A grain directory entry on the wire.</summary>
internal sealed record DirectoryEntryMessage(string GrainId, string Silo, long ActivationId);

/// <summary>A directory lookup or unregistration names the grain (and, to unregister, the activation).</summary>
internal sealed record DirectoryLookupMessage(string GrainId);

/// <summary>The answer to a lookup or registration: the entry, or null when none is registered.</summary>
internal sealed record DirectoryReplyMessage(DirectoryEntryMessage? Entry);

/// <summary>Interface full name to grain type name, for clients that host no grain classes.</summary>
internal sealed record ManifestMessage(Dictionary<string, string> GrainTypes, string[] Gateways);

internal sealed record EmptyMessage();

/// <summary>Source-generated serializers for the runtime's own messages.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(HelloMessage))]
[JsonSerializable(typeof(DirectoryEntryMessage))]
[JsonSerializable(typeof(DirectoryLookupMessage))]
[JsonSerializable(typeof(DirectoryReplyMessage))]
[JsonSerializable(typeof(ManifestMessage))]
[JsonSerializable(typeof(EmptyMessage))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext
{
}

/// <summary>The names of system operations.</summary>
internal static class SystemOperations
{
    public const string DirectoryLookup = "directory.lookup";
    public const string DirectoryRegister = "directory.register";
    public const string DirectoryUnregister = "directory.unregister";
    public const string MembershipRefresh = "membership.refresh";
    public const string Manifest = "manifest";
    public const string Ping = "ping";
    public const string RemindersRefresh = "reminders.refresh";
    public const string ActivationCount = "activations.count";
    public const string Rebalance = "activations.rebalance";
}
