using Referrals.Contracts;
using Referrals.Domain.Model;
using Referrals.Workflow;

namespace Referrals.Domain.Lifecycle;

// Inbound SMS keywords and the feedback effect handlers report.
public sealed partial class ReferralDecider
{
    private const int OptedOutError = 21610;
    private const int InvalidNumberError = 21211;
    private const int NotMobileError = 21614;
    private const int FirstUnreachableError = 30003;
    private const int LastUnreachableError = 30008;

    private Decision<ReferralState> OptOut(ReferralState state, OptOutOfSms c, DateTimeOffset now)
    {
        var rejection = CheckText(c.Keyword, "keyword", 20, required: true);
        if (rejection is not null)
        {
            return rejection;
        }

        if (state.IsSmsOptedOut())
        {
            return Decision<ReferralState>.Unchanged(state);
        }

        var change = new ReferralChange(state, now);
        change.State = change.State with { SmsOptedOutAt = now };
        AlignPreReturnReminders(change);
        change.Event(ReferralEventTypes.OptedOut, Actor.Returnee, ("source", "keyword"), ("keyword", c.Keyword.Trim()));
        change.Sms(SmsKind.OptOutConfirmation, ReturneeValues(change.State), ignoreOptOut: true);
        return change.Accept();
    }

    private Decision<ReferralState> OptIn(ReferralState state, OptInToSms c, DateTimeOffset now)
    {
        var rejection = CheckText(c.Keyword, "keyword", 20, required: true);
        if (rejection is not null)
        {
            return rejection;
        }

        if (!state.IsSmsOptedOut())
        {
            return Decision<ReferralState>.Unchanged(state);
        }

        var change = new ReferralChange(state, now);
        change.State = change.State with { SmsOptedOutAt = null };
        AlignPreReturnReminders(change);
        change.Event(ReferralEventTypes.OptedIn, Actor.Returnee, ("keyword", c.Keyword.Trim()));
        change.Sms(SmsKind.OptInConfirmation, ReturneeValues(change.State));
        return change.Accept();
    }

    private static Decision<ReferralState> RequestHelp(ReferralState state, DateTimeOffset now)
    {
        var change = new ReferralChange(state, now);
        var replied = change.Sms(SmsKind.HelpReply, ReturneeValues(change.State));
        change.Event(ReferralEventTypes.HelpRequested, Actor.Returnee, ("replied", Formats.Flag(replied)));
        return change.Accept(project: false);
    }

    private static Decision<ReferralState> SmsAccepted(ReferralState state, SmsAccepted c, DateTimeOffset now)
    {
        var rejection = CheckText(c.ProviderSid, "providerSid", MaxShortTextLength, required: true)
            ?? (c.Segments >= 1 ? null : Invalid("segments must be at least 1."));
        if (rejection is not null)
        {
            return rejection;
        }

        if (FindSms(state, c.MessageId, null) is not { } message)
        {
            return Invalid($"The referral has no SMS with id {c.MessageId}.");
        }

        var status = Rank(message.Status) <= Rank(MessageStatus.Queued) ? MessageStatus.Queued : message.Status;
        var updated = message with
        {
            ProviderSid = c.ProviderSid, Encoding = c.Encoding, Segments = c.Segments, Status = status,
            HeldUntil = status == MessageStatus.Queued ? null : message.HeldUntil,
            At = status == message.Status ? message.At : now,
        };
        return Progress(state, message, updated, now);
    }

    private static Decision<ReferralState> SmsHeld(ReferralState state, SmsHeld c, DateTimeOffset now)
    {
        if (FindSms(state, c.MessageId, null) is not { } message)
        {
            return Invalid($"The referral has no SMS with id {c.MessageId}.");
        }

        if (Rank(message.Status) > Rank(MessageStatus.Held)
            || (message.Status == MessageStatus.Held && message.HeldUntil == c.Until))
        {
            return Decision<ReferralState>.Unchanged(state);
        }

        return Progress(state, message, message with { Status = MessageStatus.Held, HeldUntil = c.Until, At = now }, now);
    }

    private static Decision<ReferralState> EmailSent(ReferralState state, EmailSent c, DateTimeOffset now)
    {
        if (state.FindMessage(c.MessageId) is not { Channel: MessageChannel.Email } message)
        {
            return Invalid($"The referral has no email with id {c.MessageId}.");
        }

        if (Rank(message.Status) >= Rank(MessageStatus.Sent))
        {
            return Decision<ReferralState>.Unchanged(state);
        }

        return Progress(state, message, message with { Status = MessageStatus.Sent, At = now }, now);
    }

    /// <summary>Records message bookkeeping; a message that leaves the parked state is no longer an operator's
    /// problem, which the projection shows.</summary>
    private static Decision<ReferralState> Progress(ReferralState state, ReferralMessage message, ReferralMessage updated, DateTimeOffset now)
    {
        if (updated == message)
        {
            return Decision<ReferralState>.Unchanged(state);
        }

        var change = new ReferralChange(state, now);
        change.PutMessage(updated);
        var wasParked = state.ParkedEffects.Any(p => p.EffectId == message.Id);
        if (wasParked)
        {
            change.State = change.State with { ParkedEffects = [.. state.ParkedEffects.Where(p => p.EffectId != message.Id)] };
        }

        return change.Accept(project: wasParked);
    }

    private Decision<ReferralState> SmsStatusChanged(ReferralState state, SmsStatusChanged c, DateTimeOffset now)
    {
        if (c.MessageId is null && c.ProviderSid is null)
        {
            return Invalid("messageId or providerSid is required.");
        }

        if (c.Status == MessageStatus.Held || c.Status == MessageStatus.Parked)
        {
            return Invalid($"status {Names.Camel(c.Status)} is not a provider status.");
        }

        if (FindSms(state, c.MessageId, c.ProviderSid) is not { } message)
        {
            return Invalid("The referral has no SMS with that messageId or providerSid.");
        }

        var status = c.ErrorCode switch
        {
            >= FirstUnreachableError and <= LastUnreachableError => MessageStatus.Undelivered,
            InvalidNumberError or NotMobileError or OptedOutError => MessageStatus.Failed,
            _ => c.Status,
        };
        if (Rank(status) <= Rank(message.Status))
        {
            // Late or repeated callbacks never move a message back (callbacks may arrive out of order).
            return Decision<ReferralState>.Unchanged(state);
        }

        var change = new ReferralChange(state, now);
        change.PutMessage(message with
        {
            Status = status, ErrorCode = c.ErrorCode ?? message.ErrorCode, ProviderSid = message.ProviderSid ?? c.ProviderSid,
            HeldUntil = null, At = now,
        });
        if (Rank(status) < Rank(MessageStatus.Delivered))
        {
            return change.Accept(project: false);
        }

        change.Event(ReferralEventTypes.SmsStatusChanged, Actor.System,
            ("messageId", message.Id), ("kind", message.Kind), ("status", Names.Camel(status)),
            ("errorCode", c.ErrorCode is { } code ? Formats.Number(code) : null));

        var project = false;
        if (c.ErrorCode == OptedOutError && !state.IsSmsOptedOut())
        {
            // The provider already blocks this number: record it, stop scheduling, send no confirmation.
            change.State = change.State with { SmsOptedOutAt = now };
            AlignPreReturnReminders(change);
            change.Event(ReferralEventTypes.OptedOut, Actor.System, ("source", "provider"));
            project = true;
        }
        else if (c.ErrorCode is InvalidNumberError or NotMobileError)
        {
            change.State = change.State with { PhoneInvalidAt = now };
            if (state.IsOpen())
            {
                change.Email(EmailKind.InvalidNumber, MessageRecipient.Scout, _policy.ScoutLanguage,
                    StaffValues(change.State, (TemplateValues.SmsKind, message.Kind), (TemplateValues.ErrorCode, Formats.Number(c.ErrorCode.Value))));
            }

            project = true;
        }
        else if (status == MessageStatus.Undelivered && c.ErrorCode is { } unreachable && state.IsOpen())
        {
            var values = StaffValues(change.State, (TemplateValues.SmsKind, message.Kind), (TemplateValues.ErrorCode, Formats.Number(unreachable)));
            change.Email(EmailKind.UndeliveredSms, StaffInbox(state), _policy.StaffLanguage, values);
            change.Email(EmailKind.UndeliveredSms, MessageRecipient.Scout, _policy.ScoutLanguage, values);
        }

        return change.Accept(project);
    }

    private static Decision<ReferralState> EffectParked(ReferralState state, EffectParked c, DateTimeOffset now)
    {
        var rejection = CheckText(c.EffectId, "effectId", MaxShortTextLength, required: true);
        if (rejection is not null)
        {
            return rejection;
        }

        if (state.ParkedEffects.Any(p => p.EffectId == c.EffectId))
        {
            return Decision<ReferralState>.Unchanged(state);
        }

        var reason = string.IsNullOrWhiteSpace(c.Reason) ? "unspecified"
            : c.Reason.Length > MaxShortTextLength ? c.Reason[..MaxShortTextLength] : c.Reason;
        var change = new ReferralChange(state, now);
        change.State = change.State with
        {
            ParkedEffects = [.. state.ParkedEffects, new ParkedEffectRecord(c.EffectId, reason, now)],
        };
        if (state.FindMessage(c.EffectId) is { } message && Rank(message.Status) <= Rank(MessageStatus.Queued))
        {
            change.PutMessage(message with { Status = MessageStatus.Parked, At = now });
        }

        change.Event(ReferralEventTypes.EffectParked, Actor.System, ("effectId", c.EffectId), ("reason", reason));
        return change.Accept();
    }

    private static ReferralMessage? FindSms(ReferralState state, string? messageId, string? providerSid) =>
        state.Messages.FirstOrDefault(m => m.Channel == MessageChannel.Sms
            && (messageId is not null ? m.Id == messageId : m.ProviderSid == providerSid));

    /// <summary>How far a message got: not yet with the provider (held, queued by us, parked), sent, final.</summary>
    private static int Rank(MessageStatus status) => status switch
    {
        MessageStatus.Held or MessageStatus.Queued or MessageStatus.Parked => 0,
        MessageStatus.Sent => 1,
        _ => 2,
    };
}
