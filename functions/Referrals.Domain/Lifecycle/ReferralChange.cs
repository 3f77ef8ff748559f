using Referrals.Contracts;
using Referrals.Domain.Model;
using Referrals.Workflow;

namespace Referrals.Domain.Lifecycle;

/// <summary>
/// Collects one accepted decision: the evolving state, timeline events, effects and timer changes. Starting a change
/// bumps <see cref="ReferralState.Revision"/>, which seeds the timer tokens of this decision.
/// </summary>
internal sealed class ReferralChange
{
    private readonly List<WorkflowEvent> _events = [];
    private readonly List<EffectRequest> _effects = [];

    // The last change per timer kind wins, so a decision never both cancels and sets the same timer.
    private readonly OrderedDictionary<string, TimerChange> _timers = new(StringComparer.Ordinal);

    private readonly ReferralState _original;

    public ReferralChange(ReferralState state, DateTimeOffset now)
    {
        _original = state;
        State = state with { Revision = state.Revision + 1 };
        Now = now;
    }

    public ReferralState State { get; set; }

    public DateTimeOffset Now { get; }

    public void Event(string type, string actor, params (string Key, string? Value)[] detail) =>
        _events.Add(new WorkflowEvent(type, actor,
            detail.Length == 0 ? null : detail.ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal)));

    public void Note(string context, string? text, string by)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            State = State with { Notes = [.. State.Notes, new ReferralNote(context, text.Trim(), Now, by)] };
        }
    }

    /// <summary>Sets (or replaces) a pending deadline whose timer performs <paramref name="step"/> at
    /// <paramref name="stepAt"/>.</summary>
    public void Schedule(string kind, DateTimeOffset dueAt, DeadlineStep step, DateTimeOffset stepAt)
    {
        var token = Token(kind, step);
        PutDeadline(new ReferralDeadline(kind, dueAt, DeadlineState.Pending, step, stepAt, token));
        _timers[kind] = TimerChange.Set(kind, stepAt, token);
    }

    /// <summary>Moves a deadline whose timer just fired to <paramref name="state"/>, with the next step if any.</summary>
    public void Advance(ReferralDeadline deadline, DeadlineState state, DeadlineStep? next = null, DateTimeOffset? nextAt = null)
    {
        if (next is { } step && nextAt is { } at)
        {
            var token = Token(deadline.Kind, step);
            PutDeadline(deadline with { State = state, NextStep = step, NextStepAt = at, Token = token });
            _timers[deadline.Kind] = TimerChange.Set(deadline.Kind, at, token);
        }
        else
        {
            // The fired timer is spent; clearing the token makes any redelivery of it stale.
            PutDeadline(deadline with
            {
                State = state, NextStep = null, NextStepAt = null, Token = null,
                MetAt = state == DeadlineState.Met ? Now : deadline.MetAt,
            });
        }
    }

    /// <summary>Ends an open deadline as met or cancelled and removes its timer; does nothing when the deadline
    /// does not exist or is no longer open.</summary>
    public void Finish(string kind, DeadlineState state)
    {
        if (State.FindDeadline(kind) is not { } deadline || !deadline.IsOpen())
        {
            return;
        }

        PutDeadline(deadline with
        {
            State = state, NextStep = null, NextStepAt = null, Token = null,
            MetAt = state == DeadlineState.Met ? Now : null,
        });
        if (deadline.Token is not null)
        {
            _timers[kind] = TimerChange.Cancel(kind);
        }
    }

    /// <summary>For a final status: pending deadlines become cancelled, overdue and escalated ones keep their state
    /// as history, and every timer is removed.</summary>
    public void EndAllDeadlines()
    {
        foreach (var deadline in State.Deadlines)
        {
            var state = deadline.State == DeadlineState.Pending ? DeadlineState.Cancelled : deadline.State;
            PutDeadline(deadline with { State = state, NextStep = null, NextStepAt = null, Token = null });
            if (deadline.Token is not null)
            {
                _timers[deadline.Kind] = TimerChange.Cancel(deadline.Kind);
            }
        }
    }

    /// <summary>Requests an SMS to the returnee when <see cref="ReferralState.MaySendSms"/> allows it (the opt-out
    /// confirmation alone may ignore the opt-out). Returns whether it was requested.</summary>
    public bool Sms(SmsKind kind, IReadOnlyDictionary<string, string> values, bool ignoreOptOut = false)
    {
        var allowed = ignoreOptOut
            ? State.Details.Consent.Sms && State.PhoneInvalidAt is null && State.IsOpen()
            : State.MaySendSms();
        if (!allowed)
        {
            return false;
        }

        var kindName = Names.Camel(kind);
        var id = $"sms-{kindName}-{Count(MessageChannel.Sms, kindName, MessageRecipient.Returnee) + 1}";
        var returnee = State.Details.Returnee;
        AddMessage(new ReferralMessage(id, MessageChannel.Sms, kindName, MessageRecipient.Returnee, MessageStatus.Queued,
            Now, Phone: returnee.Phone));
        _effects.Add(EffectRequest.Create(ReferralEffects.SendSms, id, new SendSmsPayload(
            id, kind, State.Id, State.MscId, returnee.PreferredLanguage, returnee.Phone, values)));
        return true;
    }

    public void Email(EmailKind kind, MessageRecipient to, Language language, IReadOnlyDictionary<string, string> values)
    {
        var kindName = Names.Camel(kind);
        var id = $"email-{kindName}-{Names.Camel(to)}-{Count(MessageChannel.Email, kindName, to) + 1}";
        AddMessage(new ReferralMessage(id, MessageChannel.Email, kindName, to, MessageStatus.Queued, Now));
        _effects.Add(EffectRequest.Create(ReferralEffects.SendEmail, id, new SendEmailPayload(
            id, kind, to, State.Id, State.MscId, State.Details.Referrer.ScoutId, language, values)));
    }

    public void PutMessage(ReferralMessage message) =>
        State = State with { Messages = [.. State.Messages.Select(m => m.Id == message.Id ? message : m)] };

    /// <summary>The decision, with a projection update unless only message bookkeeping changed. When that
    /// bookkeeping changed how many SMS are in which status, the update is for the report alone.</summary>
    public Decision<ReferralState> Accept(bool project = true)
    {
        var reportOnly = !project
            && !ReferralReportFacts.SmsTallies(_original).SequenceEqual(ReferralReportFacts.SmsTallies(State));
        if (project || reportOnly)
        {
            _effects.Add(EffectRequest.Create(ReferralEffects.UpdateProjection,
                $"projection-{Formats.Number(State.Revision)}", ReferralProjection.Of(State, Now, reportOnly)));
        }

        return Decision<ReferralState>.Accept(State, [.. _events], [.. _effects], [.. _timers.Values]);
    }

    private string Token(string kind, DeadlineStep step) => $"{kind}:{Names.Camel(step)}:{Formats.Number(State.Revision)}";

    private void PutDeadline(ReferralDeadline deadline)
    {
        var found = false;
        var list = new List<ReferralDeadline>(State.Deadlines.Count + 1);
        foreach (var existing in State.Deadlines)
        {
            if (existing.Kind == deadline.Kind)
            {
                list.Add(deadline);
                found = true;
            }
            else
            {
                list.Add(existing);
            }
        }

        if (!found)
        {
            list.Add(deadline);
        }

        State = State with { Deadlines = list };
    }

    private void AddMessage(ReferralMessage message) => State = State with { Messages = [.. State.Messages, message] };

    private int Count(MessageChannel channel, string kind, MessageRecipient to) =>
        State.Messages.Count(m => m.Channel == channel && m.Kind == kind && m.To == to);
}
