using System.Collections.Concurrent;
using System.Text.Json;
using Recsys.Runtime.Membership;
using Recsys.Runtime.Messaging;

namespace Recsys.Runtime.GrainDirectory;

/// <summary>
/// Finds and registers activations in the grain directory, which is partitioned over the membership ring: the
/// owner of a grain's entry is the ring successor of its hash. Answers are cached locally as hints; a stale hint
/// costs one forward. On a membership change, entries on departed silos are dropped and this silo's activations
/// re-register with their new owner (eventually consistent, like Orleans' directory).
/// </summary>
internal sealed class GrainLocator
{
    private static readonly TimeSpan DirectoryTimeout = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<GrainId, GrainAddress> _cache = new();
    private readonly GrainDirectoryPartition _partition = new();
    private readonly SiloAddress _self;
    private readonly SiloMessageCenter _messages;
    private ConsistentRing _ring;
    private MembershipSnapshot _snapshot = MembershipSnapshot.Empty;

    public GrainLocator(LocalSiloDetails local, SiloMessageCenter messages)
    {
        _self = local.Address;
        _messages = messages;
        _ring = new ConsistentRing([_self]);
        messages.AddSystemHandler(SystemOperations.DirectoryLookup, (_, payload) => Task.FromResult(Reply(_partition.Lookup(ReadLookup(payload)))));
        messages.AddSystemHandler(SystemOperations.DirectoryRegister, (_, payload) => Task.FromResult(Reply(_partition.Register(ReadEntry(payload), IsLive))));
        messages.AddSystemHandler(SystemOperations.DirectoryUnregister, (_, payload) =>
        {
            _partition.Unregister(ReadEntry(payload));
            return Task.FromResult(Reply(null));
        });
    }

    public SiloAddress Self => _self;

    public int PartitionCount => _partition.Count;

    /// <summary>This silo's activations, so they can re-register when their directory owner changes.</summary>
    public Func<IEnumerable<GrainAddress>>? LocalActivations { get; set; }

    /// <summary>Called when re-registration finds another activation of a local grain already registered.</summary>
    public Action<GrainAddress>? OnDuplicate { get; set; }

    public bool TryGetCached(GrainId grainId, out GrainAddress address) => _cache.TryGetValue(grainId, out address!);

    public void Invalidate(GrainAddress address) => _cache.TryRemove(new KeyValuePair<GrainId, GrainAddress>(address.GrainId, address));

    public void Cache(GrainAddress address) => _cache[address.GrainId] = address;

    public async ValueTask<GrainAddress?> LookupAsync(GrainId grainId)
    {
        if (_cache.TryGetValue(grainId, out var cached))
        {
            return cached;
        }

        var owner = OwnerOf(grainId);
        var found = owner.Equals(_self)
            ? _partition.Lookup(grainId)
            : ReadReply(await _messages.SendSystemAsync(owner, SystemOperations.DirectoryLookup, Write(new DirectoryLookupMessage(grainId.ToString())), DirectoryTimeout).ConfigureAwait(false));
        if (found is not null && IsLive(found.Silo))
        {
            _cache[grainId] = found;
            return found;
        }

        return null;
    }

    /// <summary>Re-reads membership (set by the silo): used when a directory owner cannot be reached.</summary>
    public Func<Task>? RefreshMembership { get; set; }

    /// <summary>Registers an activation; the returned winner is another activation if one got there first.</summary>
    public async Task<GrainAddress> RegisterAsync(GrainAddress address)
    {
        try
        {
            return await RegisterOnceAsync(address).ConfigureAwait(false);
        }
        catch (SiloUnavailableException) when (RefreshMembership is { } refresh)
        {
            // the owner may have just died: with a fresh view the ring names a live owner
            await refresh().ConfigureAwait(false);
            return await RegisterOnceAsync(address).ConfigureAwait(false);
        }
    }

    private async Task<GrainAddress> RegisterOnceAsync(GrainAddress address)
    {
        var owner = OwnerOf(address.GrainId);
        var winner = owner.Equals(_self)
            ? _partition.Register(address, IsLive)
            : ReadReply(await _messages.SendSystemAsync(owner, SystemOperations.DirectoryRegister, Write(ToMessage(address)), DirectoryTimeout).ConfigureAwait(false)) ?? address;
        _cache[address.GrainId] = winner;
        return winner;
    }

    public async Task UnregisterAsync(GrainAddress address)
    {
        Invalidate(address);
        var owner = OwnerOf(address.GrainId);
        if (owner.Equals(_self))
        {
            _partition.Unregister(address);
        }
        else
        {
            await _messages.SendSystemAsync(owner, SystemOperations.DirectoryUnregister, Write(ToMessage(address)), DirectoryTimeout).ConfigureAwait(false);
        }
    }

    public void OnMembershipChanged(MembershipSnapshot snapshot)
    {
        var previousRing = _ring;
        _snapshot = snapshot;
        var active = snapshot.ActiveSilos.Count > 0 ? snapshot.ActiveSilos : [_self];
        _ring = new ConsistentRing(active);
        foreach (var (grainId, address) in _cache)
        {
            if (!IsLive(address.Silo))
            {
                _cache.TryRemove(new KeyValuePair<GrainId, GrainAddress>(grainId, address));
            }
        }

        _partition.Prune(IsLive, id => OwnerOf(id).Equals(_self));
        _ = ReRegisterAsync(previousRing);
    }

    private async Task ReRegisterAsync(ConsistentRing previousRing)
    {
        if (LocalActivations is not { } locals)
        {
            return;
        }

        foreach (var address in locals().ToList())
        {
            var owner = OwnerOf(address.GrainId);
            if (owner.Equals(previousRing.OwnerOf(address.GrainId)) && IsLive(owner))
            {
                continue;
            }

            try
            {
                var winner = await RegisterAsync(address).ConfigureAwait(false);
                if (winner != address)
                {
                    OnDuplicate?.Invoke(address);
                }
            }
            catch (Exception)
            {
                // the next membership change or call retries; a lost entry only costs a duplicate check later
            }
        }
    }

    /// <summary>The silo whose ring range holds this grain (directory partition, reminders).</summary>
    public SiloAddress OwnerOf(GrainId grainId) => _ring.OwnerOf(grainId) ?? _self;

    public bool IsOwner(GrainId grainId) => OwnerOf(grainId).Equals(_self);

    private bool IsLive(SiloAddress silo)
    {
        if (silo.Equals(_self))
        {
            return true;
        }

        var status = _snapshot.StatusOf(silo);
        return status is SiloStatus.Active or SiloStatus.Joining;
    }

    private static DirectoryEntryMessage ToMessage(GrainAddress address) => new(address.GrainId.ToString(), address.Silo.ToString(), address.ActivationId);

    private static byte[] Write(DirectoryEntryMessage message) => JsonSerializer.SerializeToUtf8Bytes(message, RuntimeJsonContext.Default.DirectoryEntryMessage);

    private static byte[] Write(DirectoryLookupMessage message) => JsonSerializer.SerializeToUtf8Bytes(message, RuntimeJsonContext.Default.DirectoryLookupMessage);

    private static byte[] Reply(GrainAddress? address) =>
        JsonSerializer.SerializeToUtf8Bytes(new DirectoryReplyMessage(address is null ? null : ToMessage(address)), RuntimeJsonContext.Default.DirectoryReplyMessage);

    private static GrainAddress ReadEntry(byte[] payload)
    {
        var message = JsonSerializer.Deserialize(payload, RuntimeJsonContext.Default.DirectoryEntryMessage)
            ?? throw new MalformedFrameException("empty directory entry");
        return new GrainAddress(GrainId.Parse(message.GrainId), SiloAddress.Parse(message.Silo), message.ActivationId);
    }

    private static GrainId ReadLookup(byte[] payload) =>
        GrainId.Parse((JsonSerializer.Deserialize(payload, RuntimeJsonContext.Default.DirectoryLookupMessage)
            ?? throw new MalformedFrameException("empty directory lookup")).GrainId);

    private static GrainAddress? ReadReply(byte[] payload)
    {
        var entry = JsonSerializer.Deserialize(payload, RuntimeJsonContext.Default.DirectoryReplyMessage)?.Entry;
        return entry is null ? null : new GrainAddress(GrainId.Parse(entry.GrainId), SiloAddress.Parse(entry.Silo), entry.ActivationId);
    }
}
