using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace Referrals.Workflow.Storage;

/// <summary>
/// One instance's partition as last read (or written), plus the changes made to it since. Decisions and dispatch
/// outcomes change the working copy; <see cref="BuildTransaction"/> turns the difference into one entity-group
/// transaction, and <see cref="Committed"/> makes the working copy the stored one.
/// A partition read in part (<see cref="IsComplete"/> false: the state row and some timer rows, by point reads) knows
/// only those rows: new outbox rows are added blind and a cancelled timer it has not read is deleted blind, so a
/// clash with an unread row fails the transaction and the caller reloads the whole partition.
/// New timeline events are merged into the page rows the state row's timeline cursor points at (see
/// <see cref="TimelinePages"/>); the cursor moves with the state row, so only the commit that wins the state row's
/// ETag writes its events.
/// A timer the decision sets is also owed a row in the global index, and so is an effect it delays (not before a
/// later time); <see cref="TakeTimersToIndex"/> hands those over so the store writes them before the transaction (an
/// index row whose commit then fails is found stale).
/// </summary>
internal sealed class InstancePartition<TState>
    where TState : class
{
    private readonly IPayloadProtector _protector;
    private readonly SortedDictionary<int, TableEntity> _pageAppends = [];
    private readonly HashSet<string> _blindTimerDeletes = new(StringComparer.Ordinal);
    private readonly List<ScheduledTimer> _timersToIndex = [];
    private Dictionary<string, OutboxItem> _storedOutbox;
    private Dictionary<string, ScheduledTimer> _storedTimers;
    private bool _stateChanged;

    private InstancePartition(string instanceId, IPayloadProtector protector, bool exists, ETag stateETag, TState? state,
        long version, long nextSequence, TimelineCursor timeline, Dictionary<string, OutboxItem> outbox,
        Dictionary<string, ScheduledTimer> timers, bool isComplete = true)
    {
        InstanceId = instanceId;
        IsComplete = isComplete;
        _protector = protector;
        Exists = exists;
        StateETag = stateETag;
        State = state;
        Version = version;
        NextSequence = nextSequence;
        Timeline = timeline;
        _storedOutbox = outbox;
        _storedTimers = timers;
        Outbox = new Dictionary<string, OutboxItem>(outbox, StringComparer.Ordinal);
        Timers = new Dictionary<string, ScheduledTimer>(timers, StringComparer.Ordinal);
    }

    public string InstanceId { get; }

    /// <summary>False when only the state row and some timer rows were read (see the class remarks).</summary>
    public bool IsComplete { get; }

    /// <summary>True when the state row is stored (or assumed stored after a commit).</summary>
    public bool Exists { get; private set; }

    /// <summary>The state row's ETag; default when unknown (then a state write needs a reload first).</summary>
    public ETag StateETag { get; private set; }

    public TState? State { get; private set; }

    public long Version { get; private set; }

    public long NextSequence { get; private set; }

    /// <summary>Where the next timeline event goes (moves with each applied event).</summary>
    public TimelineCursor Timeline { get; private set; }

    /// <summary>The working outbox, keyed by key within the partition.</summary>
    public Dictionary<string, OutboxItem> Outbox { get; }

    /// <summary>The working timers, keyed by kind.</summary>
    public Dictionary<string, ScheduledTimer> Timers { get; }

    public bool HasChanges =>
        _stateChanged || _pageAppends.Count > 0 || _blindTimerDeletes.Count > 0 || !SameOutbox() || !SameTimers();

    /// <summary>True when the pending transaction adds outbox rows (so a dispatch must follow it).</summary>
    public bool AddsOutboxWork => Outbox.Keys.Any(key => !_storedOutbox.ContainsKey(key));

    /// <summary>The outbox rows the pending transaction adds.</summary>
    public IEnumerable<OutboxItem> AddedOutbox => Outbox.Values.Where(item => !_storedOutbox.ContainsKey(item.Key));

    /// <summary>True when the pending transaction sets, moves or cancels a timer.</summary>
    public bool ChangesTimers => _blindTimerDeletes.Count > 0 || !SameTimers();

    public bool CanWriteState => !Exists || StateETag != default;

    public static InstancePartition<TState> New(string instanceId, IPayloadProtector protector) =>
        new(instanceId, protector, false, default, null, 0, 1, default, new(StringComparer.Ordinal), new(StringComparer.Ordinal));

    /// <summary>Builds the partition from the rows of a "RowKey ge 'o'" query (outbox, state, timers), or, when
    /// <paramref name="isComplete"/> is false, from the few rows read by point reads.</summary>
    public static InstancePartition<TState> Load(string instanceId, IEnumerable<TableEntity> entities, IPayloadProtector protector,
        bool isComplete = true)
    {
        var outbox = new Dictionary<string, OutboxItem>(StringComparer.Ordinal);
        var timers = new Dictionary<string, ScheduledTimer>(StringComparer.Ordinal);
        TableEntity? stateEntity = null;
        foreach (var entity in entities)
        {
            var key = RowKeys.InPartition(instanceId, entity.RowKey)
                ?? throw new WorkflowStateUnreadableException(instanceId, $"row '{entity.RowKey}' is not in this runtime's row layout.", null);
            if (key == RowKeys.State)
            {
                stateEntity = entity;
            }
            else if (key.StartsWith(RowKeys.OutboxPrefix, StringComparison.Ordinal))
            {
                outbox[key] = PartitionEntities.ReadOutbox(entity, key);
            }
            else if (key.StartsWith(RowKeys.TimerPrefix, StringComparison.Ordinal))
            {
                var timer = PartitionEntities.ReadTimer(entity, key);
                timers[timer.Kind] = timer;
            }
        }

        if (stateEntity is null)
        {
            return new InstancePartition<TState>(instanceId, protector, false, default, null, 0, 1, default, outbox, timers,
                isComplete);
        }

        var row = PartitionEntities.ReadState(stateEntity);
        var state = ReadState(instanceId, row.StoredState, protector);
        return new InstancePartition<TState>(instanceId, protector, true, stateEntity.ETag, state, row.Version,
            row.NextSequence, row.Timeline, outbox, timers, isComplete);
    }

    public static TState ReadState(string instanceId, string? stored, IPayloadProtector protector)
    {
        if (stored is null)
        {
            throw new WorkflowStateUnreadableException(instanceId, "the state row has no data.", null);
        }

        string json;
        try
        {
            json = protector.Unprotect(stored);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new WorkflowStateUnreadableException(instanceId, "the payload protector could not unprotect it.", exception);
        }

        try
        {
            return JsonSerializer.Deserialize<TState>(json, WorkflowJson.Options)
                ?? throw new WorkflowStateUnreadableException(instanceId, "the state is JSON null.", null);
        }
        catch (JsonException exception)
        {
            throw new WorkflowStateUnreadableException(instanceId,
                $"it is not valid JSON for {typeof(TState).Name} (line {exception.LineNumber}, position {exception.BytePositionInLine}).",
                exception);
        }
    }

    /// <summary>Applies an accepted decision to the working copy; returns false when it changes nothing.</summary>
    public bool Apply(Decision<TState> decision, DateTimeOffset now)
    {
        if (decision.IsRejected)
        {
            throw new InvalidOperationException("A rejected decision cannot be applied.");
        }

        if (decision.IsNoOp(State))
        {
            return false;
        }

        foreach (var effect in decision.Effects)
        {
            RowKeys.ValidateEffectId(effect.Id);
            RowKeys.Validate(effect.Type, "effect type");
            if (Outbox.ContainsKey(RowKeys.Outbox(effect.Id)))
            {
                throw new InvalidOperationException(
                    $"Workflow instance '{InstanceId}' already has an unfinished effect with id '{effect.Id}'; effect ids must be unique.");
            }
        }

        foreach (var change in decision.Timers)
        {
            RowKeys.Validate(change.Kind, "timer kind");
            if (change is SetTimer set)
            {
                RowKeys.Validate(set.Token, "timer token");
            }
        }

        var eventProperties = decision.Events
            .Select((workflowEvent, index) => TimelinePages.EventProperties(NextSequence + index, now, workflowEvent.Type,
                TimelinePages.ProtectPayload(workflowEvent, _protector)))
            .ToList();
        eventProperties.ForEach(TimelinePages.EnsureFitsOnAPage);

        State = decision.State ?? throw new InvalidOperationException("An accepted decision must carry a state.");
        _stateChanged = true;
        foreach (var properties in eventProperties)
        {
            NextSequence++;
            Timeline = Timeline.Place(properties, out var page);
            if (!_pageAppends.TryGetValue(page, out var pageRow))
            {
                _pageAppends[page] = pageRow = PartitionEntities.TimelinePageRow(InstanceId, page);
            }

            foreach (var (name, value) in properties)
            {
                pageRow[name] = value;
            }
        }

        foreach (var effect in decision.Effects)
        {
            var payload = _protector.Protect(effect.Payload.GetRawText());
            Outbox[RowKeys.Outbox(effect.Id)] =
                new OutboxItem(RowKeys.Outbox(effect.Id), effect.Type, effect.Id, payload, 0, effect.NotBefore, false, null);
            if (effect.NotBefore is { } notBefore && notBefore > now)
            {
                // Owed an index row like a timer: the wake marker of this commit only covers work due by its grace,
                // so without the row a coordinator that never got to it would leave it waiting for ever.
                _timersToIndex.Add(new ScheduledTimer(TimerIndex.EffectKind, notBefore, effect.Id));
            }
        }

        foreach (var change in decision.Timers)
        {
            switch (change)
            {
                case SetTimer set:
                    _blindTimerDeletes.Remove(set.Kind);
                    var timer = new ScheduledTimer(set.Kind, set.DueAt, set.Token);
                    Timers[set.Kind] = timer;
                    if (!_storedTimers.TryGetValue(set.Kind, out var stored) || stored != timer)
                    {
                        _timersToIndex.Add(timer);
                    }

                    break;
                case CancelTimer cancel:
                    if (!Timers.Remove(cancel.Kind) && !IsComplete)
                    {
                        _blindTimerDeletes.Add(cancel.Kind);
                    }

                    break;
            }
        }

        return true;
    }

    /// <summary>The timers set since the last commit that the global index has not been given yet; taking them
    /// means the caller writes their index rows.</summary>
    public IReadOnlyList<ScheduledTimer> TakeTimersToIndex()
    {
        var timers = _timersToIndex.ToList();
        _timersToIndex.Clear();
        return timers;
    }

    /// <summary>Records a fired timer: its row goes, and the state row is written so the fire is serialized with
    /// any concurrent command (a command replacing the timer makes this commit conflict).</summary>
    public void FireTimer(string kind)
    {
        Timers.Remove(kind);
        _stateChanged = true;
    }

    /// <summary>The difference between the working copy and the stored rows, as one transaction.</summary>
    public List<TableTransactionAction> BuildTransaction(out int stateActionIndex)
    {
        var actions = new List<TableTransactionAction>();
        stateActionIndex = -1;
        if (_stateChanged)
        {
            if (!CanWriteState)
            {
                throw new InvalidOperationException("The state row's ETag is unknown; reload before writing.");
            }

            var stored = _protector.Protect(JsonSerializer.Serialize(State, WorkflowJson.Options));
            var entity = PartitionEntities.State(InstanceId, stored, Version + 1, NextSequence, Timeline);
            stateActionIndex = actions.Count;
            actions.Add(Exists
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, StateETag)
                : new TableTransactionAction(TableTransactionActionType.Add, entity));
        }

        // Merge: the page may already hold earlier events, which the committer never reads.
        actions.AddRange(_pageAppends.Values.Select(page => new TableTransactionAction(TableTransactionActionType.UpsertMerge, page)));
        foreach (var (key, item) in Outbox)
        {
            if (!_storedOutbox.TryGetValue(key, out var stored))
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, PartitionEntities.Outbox(InstanceId, item)));
            }
            else if (!Equals(stored, item))
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace,
                    PartitionEntities.Outbox(InstanceId, item), ETag.All));
            }
        }

        foreach (var key in _storedOutbox.Keys.Where(key => !Outbox.ContainsKey(key)))
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete,
                new TableEntity(InstanceId, RowKeys.Stored(InstanceId, key)), ETag.All));
        }

        foreach (var (kind, timer) in Timers)
        {
            if (!_storedTimers.TryGetValue(kind, out var stored) || stored != timer)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, PartitionEntities.Timer(InstanceId, timer)));
            }
        }

        foreach (var kind in _storedTimers.Keys.Where(kind => !Timers.ContainsKey(kind)).Concat(_blindTimerDeletes))
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete,
                new TableEntity(InstanceId, RowKeys.Stored(InstanceId, RowKeys.Timer(kind))), ETag.All));
        }

        return actions;
    }

    /// <summary>The transaction succeeded: the working copy is now what is stored.</summary>
    public void Committed(IReadOnlyList<Response> responses, int stateActionIndex)
    {
        if (stateActionIndex >= 0)
        {
            Version++;
            Exists = true;
            var etag = stateActionIndex < responses.Count ? responses[stateActionIndex].Headers.ETag : null;
            StateETag = etag ?? default;
        }

        _stateChanged = false;
        _pageAppends.Clear();
        _blindTimerDeletes.Clear();
        _storedOutbox = new Dictionary<string, OutboxItem>(Outbox, StringComparer.Ordinal);
        _storedTimers = new Dictionary<string, ScheduledTimer>(Timers, StringComparer.Ordinal);
    }

    private bool SameOutbox() =>
        _storedOutbox.Count == Outbox.Count && Outbox.All(pair => _storedOutbox.TryGetValue(pair.Key, out var s) && Equals(s, pair.Value));

    private bool SameTimers() =>
        _storedTimers.Count == Timers.Count && Timers.All(pair => _storedTimers.TryGetValue(pair.Key, out var s) && s == pair.Value);
}
