using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Referrals.Domain.Lifecycle;
using Referrals.Workflow;

namespace Referrals.Domain.Tests.Lifecycle;

/// <summary>
/// An in-memory stand-in for the workflow runtime around one referral: applies decisions (state through a JSON
/// round trip, as the runtime stores it), keeps the timer table, records the timeline and the requested effects,
/// and fires due timers in due order while a <see cref="FakeTimeProvider"/> advances.
/// </summary>
internal sealed class ReferralWorkflowHarness
{
    private readonly Dictionary<string, SetTimer> _timers = new(StringComparer.Ordinal);

    public ReferralWorkflowHarness(DateTimeOffset start, ReferralPolicy? policy = null)
    {
        Time = new FakeTimeProvider(start);
        Decider = ReferralTestData.Decider(policy);
    }

    public FakeTimeProvider Time { get; }

    public ReferralDecider Decider { get; }

    public DateTimeOffset Now => Time.GetUtcNow();

    public ReferralState? State { get; private set; }

    public ReferralState Current => State ?? throw new InvalidOperationException("No referral yet.");

    public IReadOnlyDictionary<string, SetTimer> Timers => _timers;

    public List<(DateTimeOffset At, WorkflowEvent Event)> Timeline { get; } = [];

    public List<EffectRequest> Effects { get; } = [];

    /// <summary>Timers fired whose token no longer matched (the decider left the state unchanged).</summary>
    public int StaleTimers { get; private set; }

    public IEnumerable<SendSmsPayload> Sms =>
        Effects.Where(e => e.Type == ReferralEffects.SendSms).Select(e => e.PayloadAs<SendSmsPayload>());

    public IEnumerable<SendEmailPayload> Emails =>
        Effects.Where(e => e.Type == ReferralEffects.SendEmail).Select(e => e.PayloadAs<SendEmailPayload>());

    public IEnumerable<ReferralProjection> Projections =>
        Effects.Where(e => e.Type == ReferralEffects.UpdateProjection).Select(e => e.PayloadAs<ReferralProjection>());

    public IEnumerable<string> EventTypes => Timeline.Select(t => t.Event.Type);

    public Decision<ReferralState> Execute(ReferralCommand command)
    {
        var decision = Decider.Decide(State, command, Now);
        Apply(decision);
        return decision;
    }

    /// <summary>Executes a command that must be accepted.</summary>
    public ReferralHarnessStep Accept(ReferralCommand command)
    {
        var effectsBefore = Effects.Count;
        var eventsBefore = Timeline.Count;
        var decision = Execute(command);
        Assert.False(decision.IsRejected, decision.Rejection?.Reason);
        return new ReferralHarnessStep(decision, [.. Effects.Skip(effectsBefore)], [.. Timeline.Skip(eventsBefore).Select(t => t.Event)]);
    }

    /// <summary>Fires, in due order, every timer due at or before <paramref name="target"/> (each at its due time),
    /// including timers set by the ones fired, then leaves the clock at <paramref name="target"/>.</summary>
    public void AdvanceTo(DateTimeOffset target)
    {
        while (_timers.Values.Where(t => t.DueAt <= target).OrderBy(t => t.DueAt).ThenBy(t => t.Kind, StringComparer.Ordinal)
                   .FirstOrDefault() is { } due)
        {
            if (due.DueAt > Now)
            {
                Time.SetUtcNow(due.DueAt);
            }

            _timers.Remove(due.Kind);
            var decision = Decider.OnTimer(Current, new TimerElapsed(due.Kind, due.Token, due.DueAt), Now);
            if (decision.IsNoOp(State))
            {
                StaleTimers++;
            }

            Apply(decision);
        }

        if (target > Now)
        {
            Time.SetUtcNow(target);
        }
    }

    public void Advance(TimeSpan by) => AdvanceTo(Now + by);

    /// <summary>Delivers a timer as the runtime would, e.g. a late or repeated delivery of an old one.</summary>
    public Decision<ReferralState> Fire(string kind, string token)
    {
        var decision = Decider.OnTimer(Current, new TimerElapsed(kind, token, Now), Now);
        Apply(decision);
        return decision;
    }

    private void Apply(Decision<ReferralState> decision)
    {
        if (decision.IsRejected || decision.IsNoOp(State))
        {
            return;
        }

        var json = JsonSerializer.Serialize(decision.State, WorkflowJson.Options);
        State = JsonSerializer.Deserialize<ReferralState>(json, WorkflowJson.Options);
        foreach (var change in decision.Timers)
        {
            switch (change)
            {
                case SetTimer set:
                    _timers[set.Kind] = set;
                    break;
                case CancelTimer cancel:
                    _timers.Remove(cancel.Kind);
                    break;
            }
        }

        Timeline.AddRange(decision.Events.Select(e => (Now, e)));
        Effects.AddRange(decision.Effects);
    }
}

/// <summary>What one accepted command added.</summary>
internal sealed record ReferralHarnessStep(
    Decision<ReferralState> Decision,
    IReadOnlyList<EffectRequest> Effects,
    IReadOnlyList<WorkflowEvent> Events)
{
    public ReferralState State => Decision.State!;

    public IEnumerable<SendSmsPayload> Sms =>
        Effects.Where(e => e.Type == ReferralEffects.SendSms).Select(e => e.PayloadAs<SendSmsPayload>());

    public IEnumerable<SendEmailPayload> Emails =>
        Effects.Where(e => e.Type == ReferralEffects.SendEmail).Select(e => e.PayloadAs<SendEmailPayload>());
}
