using Microsoft.Extensions.Logging;
using Recsys.Runtime.Invocation;
using Recsys.Runtime.Scheduling;
using Recsys.Runtime.Storage;
using Recsys.Runtime.Timers;

namespace Recsys.Runtime.Catalog;

/// <summary>
/// One activation: the grain instance, its request admission (who may start now) and its turn queue (what runs
/// next). Only one thread runs the turn queue at a time, on the shared thread pool; every await in grain code
/// returns here through <see cref="ActivationSynchronizationContext"/>. Non-reentrant by default; [Reentrant],
/// [ReadOnly] and [AlwaysInterleave] widen admission, never the one-turn-at-a-time rule.
/// </summary>
internal sealed partial class ActivationData : ActivationTarget, IThreadPoolWorkItem
{
    [ThreadStatic]
    private static ActivationData? t_constructing;

    // Admission and the turn queue lock the activation itself (internal; nothing else locks it), and both queues
    // live in its fields: a call to a cold activation then misses on one object, not on four (issue 6).
    private InlineQueue<ReadyItem> _ready;
    private InlineQueue<Invokable> _waiting;
    private readonly ActivationSynchronizationContext _context;
    private readonly ActivationServices _services;
    private readonly CancellationTokenSource _lifetime = new();
    private TaskCompletionSource? _deactivated; // made when someone waits for the end (shutdown, a move), rarely
    private bool _ended;
    private Invokable? _inFlight;
    private int _inFlightCount;
    private bool _watched;
    private int _running;
    private int _runningReadOnly;
    private bool _scheduled;
    private ActivationState _state = ActivationState.Creating;
    private DeactivationReason? _pendingDeactivation;
    private long _lastActivity;
    private long _keepAliveUntil;
    private object? _grain;
    private IPersistentStateBinding[] _states = [];
    private List<GrainTimer>? _timers;

    public ActivationData(GrainId grainId, GrainClassInfo classInfo, ActivationServices services)
        : base(grainId)
    {
        ClassInfo = classInfo;
        _services = services;
        _context = new ActivationSynchronizationContext(this);
        ActivationId = Interlocked.Increment(ref s_nextId);
        _lastActivity = services.Time.GetTimestamp();
    }

    private static long s_nextId;

    /// <summary>The activation whose grain constructor runs on this thread (so Grain's constructor finds it).</summary>
    internal static ActivationData? Constructing => t_constructing;

    public long ActivationId { get; }

    public GrainClassInfo ClassInfo { get; }

    public ActivationServices Services => _services;

    public object GrainInstance => _grain ?? throw new InvalidOperationException($"{GrainId} is not activated.");

    public bool HasIncomingFilters => _services.Filters.Length > 0 || ClassInfo.IsIncomingFilter;

    public Task Deactivated
    {
        get
        {
            lock (this)
            {
                return _ended ? Task.CompletedTask : (_deactivated ??= new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            }
        }
    }

    public CancellationToken Lifetime => _lifetime.Token;

    public override IEnumerable<ActivationData> Activations => [this];

    /// <summary>Requests admitted or waiting (includes activation in progress): a stateless worker pool picks by it.</summary>
    public int Load => Volatile.Read(ref _inFlightCount) + (_state == ActivationState.Valid ? 0 : 1);

    internal ActivationState State
    {
        get
        {
            lock (this)
            {
                return _state;
            }
        }
    }

    /// <summary>Runs <see cref="ActivateAsync"/> as the activation's first turn.</summary>
    public void Start()
    {
        lock (this)
        {
            _state = ActivationState.Activating;
        }

        EnqueueCallback(static self => _ = ((ActivationData)self!).ActivateAsync(), this);
    }

    public override bool TryEnqueue(Invokable request)
    {
        bool schedule;
        lock (this)
        {
            if (_state == ActivationState.Invalid)
            {
                return false;
            }

            AddInFlight(request);
            if ((_waiting.Count == 0 || request.Method.IsAlwaysInterleave) && CanAdmit(request))
            {
                schedule = Admit(request);
            }
            else
            {
                _waiting.Enqueue(request);
                return true;
            }
        }

        if (schedule)
        {
            QueueTurn();
        }

        return true;
    }

    /// <summary>Queues a continuation or runtime callback as a turn (any state; grain code may still be finishing).</summary>
    public void EnqueueCallback(SendOrPostCallback callback, object? state)
    {
        bool schedule;
        lock (this)
        {
            _ready.Enqueue(new ReadyItem(callback, state));
            schedule = !_scheduled;
            _scheduled = true;
        }

        if (schedule)
        {
            QueueTurn();
        }
    }

    /// <summary>Called on the activation's turn when a request has its outcome, before the caller learns it.</summary>
    public void OnRequestFinished(Invokable request, Exception? exception)
    {
        if (request.IsCall)
        {
            _services.Metrics.RecordCall(ClassInfo, request.Method, request.StartedAt, _services.Time.GetTimestamp(), exception is not null);
        }

        bool schedule = false, deactivate = false;
        lock (this)
        {
            RemoveInFlight(request);
            _running--;
            if (request.Method.IsReadOnly)
            {
                _runningReadOnly--;
            }

            if (exception is InconsistentStateException)
            {
                _pendingDeactivation ??= new DeactivationReason(DeactivationReasonCode.ApplicationError, "a state write found a newer version in storage");
            }

            if (_pendingDeactivation is not null)
            {
                if (_running == 0 && _state == ActivationState.Valid)
                {
                    _state = ActivationState.Deactivating;
                    deactivate = true;
                }
            }
            else
            {
                schedule = AdmitWaiting();
            }
        }

        if (deactivate)
        {
            EnqueueCallback(static self => _ = ((ActivationData)self!).DeactivateAsync(), this);
        }
        else if (schedule)
        {
            QueueTurn();
        }
    }

    /// <summary>
    /// Asks the activation to go away: at once when no request runs, otherwise after the running ones finish.
    /// Requests still queued then are forwarded to a new activation.
    /// </summary>
    public void StartDeactivation(DeactivationReason reason)
    {
        bool begin = false;
        lock (this)
        {
            if (_state is ActivationState.Deactivating or ActivationState.Invalid)
            {
                return;
            }

            _pendingDeactivation ??= reason;
            if (_state == ActivationState.Valid && _running == 0)
            {
                _state = ActivationState.Deactivating;
                begin = true;
            }
        }

        if (begin)
        {
            EnqueueCallback(static self => _ = ((ActivationData)self!).DeactivateAsync(), this);
        }
    }

    /// <summary>Deactivates for idleness if no call arrived for <paramref name="ageTicks"/>; new work cancels it.</summary>
    public bool TryCollectIfIdle(long now, long ageTicks)
    {
        bool begin = false;
        lock (this)
        {
            if (_state == ActivationState.Valid && _running == 0 && _waiting.Count == 0 && _pendingDeactivation is null
                && now - _lastActivity >= ageTicks && now >= _keepAliveUntil)
            {
                _pendingDeactivation = new DeactivationReason(DeactivationReasonCode.ActivationIdle, "idle longer than the collection age");
                _state = ActivationState.Deactivating;
                begin = true;
            }
        }

        if (begin)
        {
            EnqueueCallback(static self => _ = ((ActivationData)self!).DeactivateAsync(), this);
        }

        return begin;
    }

    /// <summary>Keeps the activation from idle collection until at least now + <paramref name="period"/>.</summary>
    public void DelayDeactivation(TimeSpan period)
    {
        var until = _services.Time.GetTimestamp() + (long)(period.TotalSeconds * _services.Time.TimestampFrequency);
        lock (this)
        {
            _keepAliveUntil = Math.Max(_keepAliveUntil, until);
        }
    }

    /// <summary>
    /// Collects every in-flight request whose caller's deadline has passed (queued ones will never run), for the sweep
    /// that took this activation off the <see cref="InFlightWatchList"/>; puts it back on while requests remain.
    /// </summary>
    public void ExpireRequests(long now, List<Invokable> expired)
    {
        lock (this)
        {
            for (var request = _inFlight; request is not null; request = request.NextInFlight)
            {
                if (request.Deadline <= now && !request.IsCompleted)
                {
                    expired.Add(request);
                }
            }

            _watched = _inFlightCount > 0;
            if (_watched)
            {
                _services.WatchList.Add(this);
            }
        }
    }

    public void RegisterTimer(GrainTimer timer)
    {
        lock (this)
        {
            (_timers ??= []).Add(timer);
        }
    }

    public void UnregisterTimer(GrainTimer timer)
    {
        lock (this)
        {
            _timers?.Remove(timer);
        }
    }

    public ActivationSnapshot GetSnapshot()
    {
        lock (this)
        {
            return new ActivationSnapshot(GrainId, ActivationId, _state.ToString(), _running, _waiting.Count, _timers?.Count ?? 0);
        }
    }

    public override string ToString() => $"{GrainId} #{ActivationId}";

    private void MarkDeactivated()
    {
        TaskCompletionSource? waiting;
        lock (this)
        {
            _ended = true;
            waiting = _deactivated;
        }

        waiting?.TrySetResult();
    }

    private bool CanAdmit(Invokable request)
    {
        if (_state != ActivationState.Valid || _pendingDeactivation is not null)
        {
            return false;
        }

        return _running == 0
            || ClassInfo.IsReentrant
            || request.Method.IsAlwaysInterleave
            || (request.Method.IsReadOnly && _runningReadOnly == _running);
    }

    // Caller holds the lock. Returns whether the turn queue must be handed to the thread pool.
    private bool Admit(Invokable request)
    {
        _running++;
        if (request.Method.IsReadOnly)
        {
            _runningReadOnly++;
        }

        _ready.Enqueue(new ReadyItem(null, request));
        if (_scheduled)
        {
            return false;
        }

        _scheduled = true;
        return true;
    }

    // Caller holds the lock. Admits queued requests in order while the rules allow; drops timed-out ones.
    private bool AdmitWaiting()
    {
        var schedule = false;
        while (_waiting.Count > 0)
        {
            var next = _waiting.Peek();
            if (next.IsCompleted)
            {
                _waiting.Dequeue();
                RemoveInFlight(next);
                continue;
            }

            if (!CanAdmit(next))
            {
                break;
            }

            _waiting.Dequeue();
            schedule |= Admit(next);
        }

        return schedule;
    }

    private void AddInFlight(Invokable request)
    {
        request.PreviousInFlight = null;
        request.NextInFlight = _inFlight;
        if (_inFlight is not null)
        {
            _inFlight.PreviousInFlight = request;
        }

        _inFlight = request;
        _inFlightCount++;
        if (!_watched)
        {
            _watched = true;
            _services.WatchList.Add(this);
        }
    }

    private void RemoveInFlight(Invokable request)
    {
        if (request.PreviousInFlight is not null)
        {
            request.PreviousInFlight.NextInFlight = request.NextInFlight;
        }
        else if (_inFlight == request)
        {
            _inFlight = request.NextInFlight;
        }
        else
        {
            return; // not on the list
        }

        if (request.NextInFlight is not null)
        {
            request.NextInFlight.PreviousInFlight = request.PreviousInFlight;
        }

        request.NextInFlight = null;
        request.PreviousInFlight = null;
        _inFlightCount--;
    }

    private readonly record struct ReadyItem(SendOrPostCallback? Callback, object? State);
}
