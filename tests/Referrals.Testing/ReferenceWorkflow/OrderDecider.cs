using Referrals.Workflow;

namespace Referrals.Testing.ReferenceWorkflow;

/// <summary>The pure rules of the reference workflow.</summary>
public sealed class OrderDecider : IDecider<Order, OrderCommand>
{
    public const string NotifyEffect = "order.notify";
    public const string ViewEffect = "order.view";
    public const string ExpiryTimer = "expiry";
    public const string ReviewTimer = "review";
    public static readonly IReadOnlyList<string> Channels = ["email", "sms"];

    public Decision<Order> Decide(Order? state, OrderCommand command, DateTimeOffset now) => (state, command) switch
    {
        (null, PlaceOrder place) => Place(place, now),
        (not null, PlaceOrder) => Decision<Order>.Reject(RejectionKind.InvalidTransition, "The order is already placed."),
        (null, _) => Decision<Order>.Reject(RejectionKind.NotFound, "There is no such order."),
        ({ Status: OrderStatus.Placed }, ConfirmOrder) => Close(state, OrderStatus.Confirmed, "confirmed"),
        ({ Status: OrderStatus.Placed }, CancelOrder) => Close(state, OrderStatus.Cancelled, "cancelled"),
        ({ Status: OrderStatus.Placed }, ExtendOrder extend) => Extend(state, extend),
        ({ Status: OrderStatus.Placed }, RemindOrder remind) => Decision<Order>.Accept(state,
            [new WorkflowEvent("reminderScheduled", "customer")],
            [EffectRequest.Create(NotifyEffect, ReminderEffectId(remind.At), new Notification("reminder"), remind.At)]),
        (_, NoteOrder note) => Note(state, note),
        (_, ReviewOrderAt review) => Decision<Order>.Accept(state, [new WorkflowEvent("reviewScheduled", "customer")],
            timers: [TimerChange.Set(ReviewTimer, review.At, Token(review.At))]),
        (_, TouchOrder) => Decision<Order>.Unchanged(state),
        (_, NotificationSent sent) => Decision<Order>.Accept(state with { Notified = [.. state.Notified, sent.Channel] },
            [new WorkflowEvent("notified", "system", new Dictionary<string, string?> { ["channel"] = sent.Channel })]),
        (_, NotificationFailed failed) => Decision<Order>.Accept(
            state with { FailedNotifications = [.. state.FailedNotifications, failed.Channel] },
            [new WorkflowEvent("effectParked", "system", new Dictionary<string, string?> { ["channel"] = failed.Channel })]),
        _ => Decision<Order>.Reject(RejectionKind.InvalidTransition,
            $"A {command.GetType().Name} does not fit an order that is {state.Status}."),
    };

    public Decision<Order> OnTimer(Order state, TimerElapsed timer, DateTimeOffset now) =>
        timer.Kind == ReviewTimer
            ? Decision<Order>.Accept(state, [new WorkflowEvent("reviewed", "system")],
                [EffectRequest.Create(ViewEffect, $"view-review-{timer.Token}", new OrderView(state.Status.ToString(), state.Notes))])
            : timer.Kind == ExpiryTimer && timer.Token == state.ExpiryToken && state.Status == OrderStatus.Placed
            ? Decision<Order>.Accept(state with { Status = OrderStatus.Expired }, [new WorkflowEvent("expired", "system")])
            : Decision<Order>.Unchanged(state);

    private static Decision<Order> Place(PlaceOrder place, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(place.Item))
        {
            return Decision<Order>.Reject(RejectionKind.Invalid, "item must not be empty.");
        }

        var expiresAt = now + place.ExpiresAfter;
        var token = Token(expiresAt);
        var order = new Order(place.Item, OrderStatus.Placed, token, expiresAt, [], []);
        return Decision<Order>.Accept(order,
            [new WorkflowEvent("placed", "customer", new Dictionary<string, string?> { ["item"] = place.Item })],
            [.. Channels.Select(channel => EffectRequest.Create(NotifyEffect, $"notify-{channel}", new Notification(channel)))],
            [TimerChange.Set(ExpiryTimer, expiresAt, token)]);
    }

    private static Decision<Order> Note(Order state, NoteOrder note)
    {
        var noted = state with { Notes = state.Notes + 1 };
        var id = "view-" + noted.Notes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        List<EffectRequest> effects = [EffectRequest.Create(ViewEffect, id, new OrderView(noted.Status.ToString(), noted.Notes))];
        if (note.Notify)
        {
            effects.Add(EffectRequest.Create(NotifyEffect, "notify-" + id, new Notification("note")));
        }

        return Decision<Order>.Accept(noted, [new WorkflowEvent("noted", "customer")], effects);
    }

    // Closing tells the customer once more, so a race between confirm and cancel shows which effect survived.
    private static Decision<Order> Close(Order state, OrderStatus status, string eventType) =>
        Decision<Order>.Accept(state with { Status = status }, [new WorkflowEvent(eventType, "customer")],
            [EffectRequest.Create(NotifyEffect, $"notify-{eventType}", new Notification(eventType))],
            [TimerChange.Cancel(ExpiryTimer)]);

    private static Decision<Order> Extend(Order state, ExtendOrder extend)
    {
        var token = Token(extend.ExpiresAt);
        return Decision<Order>.Accept(state with { ExpiresAt = extend.ExpiresAt, ExpiryToken = token },
            [new WorkflowEvent("extended", "customer")], timers: [TimerChange.Set(ExpiryTimer, extend.ExpiresAt, token)]);
    }

    public static string ReminderEffectId(DateTimeOffset at) =>
        "notify-reminder-" + at.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Token(DateTimeOffset expiresAt) =>
        expiresAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The payload of a notification effect.</summary>
public sealed record Notification(string Channel);

/// <summary>The payload of a view update: what a read model of the order shows.</summary>
public sealed record OrderView(string Status, int Notes);
