using System.Text.Json;

namespace Recsys.Runtime.Storage;

/// <summary>One grain state bound to its storage provider.</summary>
internal sealed class PersistentState<TState> : IPersistentState<TState>, IPersistentStateBinding
{
    private readonly IGrainStorage _storage;
    private readonly GrainId _grainId;
    private readonly JsonSerializerOptions _json;
    private string? _lastJson;
    private Task _pendingWrite = Task.CompletedTask;

    public PersistentState(IGrainStorage storage, GrainId grainId, PersistentStateAttribute attribute, JsonSerializerOptions json)
    {
        _storage = storage;
        _grainId = grainId;
        _json = json;
        StateName = attribute.StateName;
        FlushOnDeactivate = attribute.FlushOnDeactivate;
        State = Activator.CreateInstance<TState>();
    }

    public string StateName { get; }

    public bool FlushOnDeactivate { get; }

    public TState State { get; set; }

    object? IPersistentStateBinding.Value => typeof(TState).IsValueType ? null : State;

    public string? Etag { get; private set; }

    public bool RecordExists { get; private set; }

    public async Task ReadStateAsync()
    {
        var record = await _storage.ReadAsync(_grainId, StateName);
        Etag = record?.ETag;
        _lastJson = FlushOnDeactivate ? record?.Json : null; // kept only to tell whether a flush is due
        RecordExists = record?.Json is not null;
        State = record?.Json is { } json
            ? JsonSerializer.Deserialize<TState>(json, _json) ?? Activator.CreateInstance<TState>()
            : Activator.CreateInstance<TState>();
    }

    public Task WriteStateAsync() => Track(WriteAsync(JsonSerializer.Serialize(State, _json)));

    public Task ClearStateAsync() => Track(ClearAsync());

    public async Task FlushAsync()
    {
        await _pendingWrite;
        if (!FlushOnDeactivate)
        {
            return;
        }

        var json = JsonSerializer.Serialize(State, _json);
        if (!string.Equals(json, _lastJson, StringComparison.Ordinal))
        {
            await WriteAsync(json);
        }
    }

    public async Task WriteForMoveAsync()
    {
        await _pendingWrite;
        if (RecordExists)
        {
            await WriteAsync(JsonSerializer.Serialize(State, _json));
        }
    }

    private async Task WriteAsync(string json)
    {
        Etag = await _storage.WriteAsync(_grainId, StateName, json, Etag);
        _lastJson = FlushOnDeactivate ? json : null;
        RecordExists = true;
    }

    private async Task ClearAsync()
    {
        Etag = await _storage.ClearAsync(_grainId, StateName, Etag);
        _lastJson = null;
        RecordExists = false;
        State = Activator.CreateInstance<TState>();
    }

    private Task Track(Task write)
    {
        _pendingWrite = write;
        return write;
    }
}

/// <summary>What the runtime needs of a bound state around activation and deactivation.</summary>
internal interface IPersistentStateBinding
{
    string StateName { get; }

    /// <summary>The state object (null for a value type): the scheduler prefetches it ahead of a turn.</summary>
    object? Value { get; }

    Task ReadStateAsync();

    /// <summary>Waits for writes in flight, then writes the state if it is flushed on deactivation and changed.</summary>
    Task FlushAsync();

    /// <summary>Waits for writes in flight, then writes the state (if any is stored) so it moves with the grain.</summary>
    Task WriteForMoveAsync();
}
