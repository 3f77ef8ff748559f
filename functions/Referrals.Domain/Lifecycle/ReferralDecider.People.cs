using Referrals.Contracts;
using Referrals.Domain.Calendar;
using Referrals.Domain.Model;
using Referrals.Workflow;

namespace Referrals.Domain.Lifecycle;

// Commands people give: scouts, advisors and coordinators.
public sealed partial class ReferralDecider
{
    private Decision<ReferralState> Submit(SubmitReferral c, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(c.Details);
        var details = c.Details;
        var rejection = RequireRole(c.Actor, "submit a referral", Role.Scout)
            ?? CheckText(c.ReferralId, "referralId", MaxShortTextLength, required: true)
            ?? CheckText(c.MscId, "msc", MaxShortTextLength, required: true)
            ?? (details.Consent.DataSharing ? null : Invalid("consent.dataSharing must be true: no referral is accepted without consent to share data."))
            ?? (details.ExpectedReturnDate >= Today(now) ? null : Invalid("expectedReturnDate must not be in the past."))
            ?? CheckPhone(details.Returnee.Phone, "returnee.phone");
        if (rejection is not null)
        {
            return rejection;
        }

        var created = new ReferralState
        {
            Id = c.ReferralId,
            Status = ReferralStatus.AwaitingAcknowledgement,
            Details = details,
            MscId = c.MscId,
            Assignments = [new MscAssignment(c.MscId, now, c.Actor.Subject, AssignmentReason.Submitted)],
            SubmittedAt = now,
            RequestFingerprint = c.RequestFingerprint,
        };
        var change = new ReferralChange(created, now);
        change.Event(ReferralEventTypes.Submitted, c.Actor.Subject,
            ("priority", Names.Camel(details.Priority)),
            ("municipality", details.MunicipalityCode),
            ("expectedReturnDate", Formats.Date(details.ExpectedReturnDate)));
        change.Event(ReferralEventTypes.Routed, Actor.System, ("msc", c.MscId), ("reason", Names.Camel(AssignmentReason.Submitted)));
        ScheduleAcknowledge(change);
        AlignPreReturnReminders(change);
        ScheduleArrivalConfirmation(change);
        change.Sms(SmsKind.SubmissionConfirmation, ReturneeValues(change.State));
        change.Email(EmailKind.NewReferral, MessageRecipient.MscInbox, _policy.StaffLanguage, StaffValues(change.State));
        return change.Accept();
    }

    private Decision<ReferralState> Acknowledge(ReferralState state, AcknowledgeReferral c, DateTimeOffset now)
    {
        const string action = "acknowledge the referral";
        var rejection = RequireRole(c.Actor, action, Role.Advisor)
            ?? RequireStatus(state, action, ReferralStatus.AwaitingAcknowledgement)
            ?? RequireAssigned(state, action)
            ?? CheckText(c.Note, "note", MaxNoteLength, required: false);
        if (rejection is not null)
        {
            return rejection;
        }

        var late = state.FindDeadline(DeadlineKinds.Acknowledge) is { } deadline && now > deadline.DueAt;
        var change = new ReferralChange(state, now);
        change.State = change.State with
        {
            Status = ReferralStatus.Acknowledged,
            Acknowledgement = new Acknowledgement(now, c.Actor.Subject, late),
        };
        change.Finish(DeadlineKinds.Acknowledge, DeadlineState.Met);
        change.Note("acknowledge", c.Note, c.Actor.Subject);
        change.Event(ReferralEventTypes.Acknowledged, c.Actor.Subject, ("msc", state.MscId), ("late", Formats.Flag(late)));
        change.Sms(SmsKind.Acknowledged, ReturneeValues(change.State));
        return change.Accept();
    }

    private Decision<ReferralState> Reject(ReferralState state, RejectReferral c, DateTimeOffset now)
    {
        // After arrival the MSC already works with the person: a coordinator reassigns, or the case is closed.
        const string action = "reject the referral";
        var rejection = RequireRole(c.Actor, action, Role.Advisor)
            ?? RequireStatus(state, action, ReferralStatus.AwaitingAcknowledgement, ReferralStatus.Acknowledged)
            ?? RequireAssigned(state, action)
            ?? CheckText(c.Note, "note", MaxNoteLength, required: c.Reason == RejectionReason.Other)
            ?? CheckText(c.SuggestedMscId, "suggestedMsc", MaxShortTextLength, required: false)
            ?? (c.SuggestedMscId is not null && c.Reason != RejectionReason.OutOfArea
                ? Invalid("suggestedMsc is only allowed with reason outOfArea.") : null)
            ?? (c.SuggestedMscId == state.MscId ? Invalid("suggestedMsc must differ from the MSC that rejects the referral.") : null);
        if (rejection is not null)
        {
            return rejection;
        }

        var change = new ReferralChange(state, now);
        change.State = change.State with
        {
            Rejection = new RejectionRecord(c.Reason, c.SuggestedMscId, now, c.Actor.Subject),
        };
        change.Note("reject", c.Note, c.Actor.Subject);
        change.Event(ReferralEventTypes.Rejected, c.Actor.Subject,
            ("reason", Names.Camel(c.Reason)), ("msc", state.MscId), ("suggestedMsc", c.SuggestedMscId));

        if (c.Reason != RejectionReason.OutOfArea)
        {
            change.State = change.State with { Status = ReferralStatus.Rejected };
            change.EndAllDeadlines();
            change.Email(EmailKind.RejectionNotice, MessageRecipient.Scout, _policy.ScoutLanguage,
                StaffValues(change.State, (TemplateValues.Reason, Names.Camel(c.Reason))));
        }
        else if (c.SuggestedMscId is { } suggested)
        {
            AssignMsc(change, suggested, AssignmentReason.OutOfAreaSuggestion, c.Actor.Subject);
            change.Event(ReferralEventTypes.Routed, c.Actor.Subject,
                ("msc", suggested), ("reason", Names.Camel(AssignmentReason.OutOfAreaSuggestion)));
        }
        else
        {
            // The coordinator queue: still awaiting acknowledgement, but with no MSC, a routing deadline, and the
            // coordinator asked to reassign. It stays open and visible (coordinators list msc = null).
            change.State = change.State with
            {
                Status = ReferralStatus.AwaitingAcknowledgement,
                MscId = null,
                Acknowledgement = null,
                Assignments = [.. state.Assignments, new MscAssignment(null, now, c.Actor.Subject, AssignmentReason.CoordinatorQueue)],
            };
            change.Finish(DeadlineKinds.Acknowledge, DeadlineState.Cancelled);
            ScheduleRouting(change);
            change.Event(ReferralEventTypes.Routed, c.Actor.Subject,
                ("msc", null), ("reason", Names.Camel(AssignmentReason.CoordinatorQueue)));
            change.Email(EmailKind.RoutingRequest, MessageRecipient.Coordinator, _policy.StaffLanguage,
                StaffValues(change.State, (TemplateValues.Reason, Names.Camel(c.Reason))));
        }

        return change.Accept();
    }

    private Decision<ReferralState> Reassign(ReferralState state, ReassignReferral c, DateTimeOffset now)
    {
        const string action = "reassign the referral";
        var rejection = RequireRole(c.Actor, action, Role.Coordinator)
            ?? RequireOpen(state, action)
            ?? CheckText(c.MscId, "msc", MaxShortTextLength, required: true)
            ?? (c.MscId == state.MscId ? Invalid("msc is already the assigned MSC.") : null)
            ?? CheckText(c.Note, "note", MaxNoteLength, required: false);
        if (rejection is not null)
        {
            return rejection;
        }

        var change = new ReferralChange(state, now);
        change.Note("reassign", c.Note, c.Actor.Subject);
        change.Event(ReferralEventTypes.Reassigned, c.Actor.Subject, ("from", state.MscId), ("to", c.MscId));
        AssignMsc(change, c.MscId, AssignmentReason.Reassigned, c.Actor.Subject);
        return change.Accept();
    }

    /// <summary>Hands the referral to <paramref name="mscId"/> and emails its inbox. Before arrival the new MSC has
    /// to acknowledge (new deadline); after arrival the running deadlines simply move with the case.</summary>
    private void AssignMsc(ReferralChange change, string mscId, AssignmentReason reason, string by)
    {
        var state = change.State;
        change.State = state with
        {
            MscId = mscId,
            Assignments = [.. state.Assignments, new MscAssignment(mscId, change.Now, by, reason)],
        };
        if (state.IsBeforeArrival())
        {
            change.State = change.State with { Status = ReferralStatus.AwaitingAcknowledgement, Acknowledgement = null };
            ScheduleAcknowledge(change);
        }

        change.Email(EmailKind.NewReferral, MessageRecipient.MscInbox, _policy.StaffLanguage, StaffValues(change.State));
    }

    private Decision<ReferralState> Withdraw(ReferralState state, WithdrawReferral c, DateTimeOffset now)
    {
        const string action = "withdraw the referral";
        var rejection = RequireRole(c.Actor, action, Role.Scout)
            ?? RequireOpen(state, action)
            ?? CheckText(c.Reason, "reason", MaxNoteLength, required: true);
        if (rejection is not null)
        {
            return rejection;
        }

        var change = new ReferralChange(state, now);
        change.State = change.State with
        {
            Status = ReferralStatus.Withdrawn,
            Withdrawal = new WithdrawalRecord(now, c.Actor.Subject),
        };
        change.EndAllDeadlines();
        change.Note("withdraw", c.Reason, c.Actor.Subject);
        change.Event(ReferralEventTypes.Withdrawn, c.Actor.Subject);
        change.Email(EmailKind.WithdrawalNotice, StaffInbox(state), _policy.StaffLanguage, StaffValues(change.State));
        return change.Accept();
    }

    private Decision<ReferralState> ChangeReturnDate(ReferralState state, ChangeReturnDate c, DateTimeOffset now)
    {
        const string action = "change the expected return date";
        var rejection = RequireRole(c.Actor, action, Role.Scout)
            ?? RequireStatus(state, action, ReferralStatus.AwaitingAcknowledgement, ReferralStatus.Acknowledged)
            ?? (c.ExpectedReturnDate >= Today(now) ? null : Invalid("expectedReturnDate must not be in the past."));
        if (rejection is not null)
        {
            return rejection;
        }

        var previous = state.Details.ExpectedReturnDate;
        if (c.ExpectedReturnDate == previous)
        {
            return Decision<ReferralState>.Unchanged(state);
        }

        var change = new ReferralChange(state, now);
        change.State = change.State with { Details = state.Details with { ExpectedReturnDate = c.ExpectedReturnDate } };
        change.Event(ReferralEventTypes.ReturnDateChanged, c.Actor.Subject,
            ("from", Formats.Date(previous)), ("to", Formats.Date(c.ExpectedReturnDate)));
        AlignPreReturnReminders(change);
        ScheduleArrivalConfirmation(change);
        return change.Accept();
    }

    private Decision<ReferralState> ChangePhone(ReferralState state, ChangePhone c, DateTimeOffset now)
    {
        const string action = "change the phone";
        var rejection = RequireRole(c.Actor, action, Role.Scout)
            ?? RequireOpen(state, action)
            ?? CheckPhone(c.Phone, "returnee.phone");
        if (rejection is not null)
        {
            return rejection;
        }

        if (c.Phone == state.Details.Returnee.Phone)
        {
            return Decision<ReferralState>.Unchanged(state);
        }

        var change = new ReferralChange(state, now);
        change.State = change.State with
        {
            Details = state.Details with { Returnee = state.Details.Returnee with { Phone = c.Phone } },
            PhoneInvalidAt = null,
        };
        change.Event(ReferralEventTypes.PhoneChanged, c.Actor.Subject);
        return change.Accept();
    }

    private Decision<ReferralState> ChangePreferredLanguage(ReferralState state, ChangePreferredLanguage c, DateTimeOffset now)
    {
        const string action = "change the preferred language";
        var rejection = RequireRole(c.Actor, action, Role.Scout)
            ?? RequireOpen(state, action)
            ?? (Enum.IsDefined(c.Language) ? null : Invalid("returnee.preferredLanguage is not a supported language."));
        if (rejection is not null)
        {
            return rejection;
        }

        if (c.Language == state.Details.Returnee.PreferredLanguage)
        {
            return Decision<ReferralState>.Unchanged(state);
        }

        var change = new ReferralChange(state, now);
        change.State = change.State with
        {
            Details = state.Details with { Returnee = state.Details.Returnee with { PreferredLanguage = c.Language } },
        };
        change.Event(ReferralEventTypes.PreferredLanguageChanged, c.Actor.Subject, ("language", c.Language.ToTag()));
        return change.Accept();
    }

    private Decision<ReferralState> RecordArrival(ReferralState state, RecordArrival c, DateTimeOffset now)
    {
        const string action = "record the arrival";
        var rejection = RequireRole(c.Actor, action, Role.Advisor)
            ?? RequireStatus(state, action, ReferralStatus.Acknowledged)
            ?? (c.ArrivedOn >= _calendar.LocalDate(state.SubmittedAt, TimeZones.Belgrade)
                ? null : Invalid("arrivedOn must not be before the day the referral was submitted."))
            ?? (c.ArrivedOn <= Today(now) ? null : Invalid("arrivedOn must not be in the future."));
        if (rejection is not null)
        {
            return rejection;
        }

        var change = new ReferralChange(state, now);
        change.State = change.State with { Status = ReferralStatus.Arrived, ArrivedOn = c.ArrivedOn };
        change.Finish(DeadlineKinds.ArrivalConfirmation, DeadlineState.Met);
        AlignPreReturnReminders(change);
        ScheduleAfterArrival(change, c.ArrivedOn);
        change.Event(ReferralEventTypes.Arrived, c.Actor.Subject, ("arrivedOn", Formats.Date(c.ArrivedOn)));
        change.Sms(SmsKind.Welcome, ReturneeValues(change.State, (TemplateValues.ArrivedOn, Formats.Date(c.ArrivedOn))));
        return change.Accept();
    }

    private Decision<ReferralState> RecordFirstContact(ReferralState state, RecordFirstContact c, DateTimeOffset now)
    {
        const string action = "record the first contact";
        var rejection = RequireRole(c.Actor, action, Role.Advisor)
            ?? RequireStatus(state, action, ReferralStatus.Arrived)
            ?? (c.On >= state.ArrivedOn ? null : Invalid("on must not be before the arrival date."))
            ?? (c.On <= Today(now) ? null : Invalid("on must not be in the future."))
            ?? CheckText(c.Note, "note", MaxNoteLength, required: false);
        if (rejection is not null)
        {
            return rejection;
        }

        var change = new ReferralChange(state, now);
        change.State = change.State with
        {
            Status = ReferralStatus.InSupport,
            FirstContact = new FirstContactRecord(c.On, now, c.Actor.Subject),
        };
        change.Finish(DeadlineKinds.FirstContact, DeadlineState.Met);
        change.Note("firstContact", c.Note, c.Actor.Subject);
        change.Event(ReferralEventTypes.FirstContactMade, c.Actor.Subject, ("on", Formats.Date(c.On)));
        return change.Accept();
    }

    private Decision<ReferralState> RecordFollowUp(ReferralState state, RecordFollowUp c, DateTimeOffset now)
    {
        const string action = "record a follow-up";
        var rejection = RequireRole(c.Actor, action, Role.Advisor)
            ?? RequireStatus(state, action, ReferralStatus.InSupport)
            ?? (c.Number is >= 1 and <= 3 ? null : Invalid("n must be 1, 2 or 3."))
            ?? CheckText(c.Outcome, "outcome", MaxShortTextLength, required: true)
            ?? CheckText(c.Note, "note", MaxNoteLength, required: false)
            ?? (state.FollowUps.Any(f => f.Number == c.Number) ? Transition($"Follow-up {c.Number} is already recorded.") : null);
        if (rejection is not null)
        {
            return rejection;
        }

        var change = new ReferralChange(state, now);
        change.State = change.State with
        {
            FollowUps = [.. state.FollowUps, new FollowUpRecord(c.Number, c.Outcome.Trim(), now, c.Actor.Subject)],
        };
        change.Finish(DeadlineKinds.FollowUp(c.Number), DeadlineState.Met);
        change.Note($"followUp{c.Number}", c.Note, c.Actor.Subject);
        change.Event(ReferralEventTypes.FollowUpRecorded, c.Actor.Subject, ("n", Formats.Number(c.Number)));
        return change.Accept();
    }

    private Decision<ReferralState> Close(ReferralState state, CloseReferral c, DateTimeOffset now)
    {
        const string action = "close the referral";
        var rejection = RequireRole(c.Actor, action, Role.Advisor, Role.Coordinator)
            ?? RequireOpen(state, action)
            ?? CheckText(c.Outcome, "outcome", MaxShortTextLength, required: true)
            ?? CheckText(c.Note, "note", MaxNoteLength, required: false);
        if (rejection is not null)
        {
            return rejection;
        }

        var change = new ReferralChange(state, now);
        change.State = change.State with
        {
            Status = ReferralStatus.Closed,
            Closure = new ClosureRecord(c.Outcome.Trim(), now, c.Actor.Subject),
        };
        change.EndAllDeadlines();
        change.Note("close", c.Note, c.Actor.Subject);
        change.Event(ReferralEventTypes.Closed, c.Actor.Subject);
        return change.Accept();
    }
}
