using System.Globalization;
using Referrals.Contracts;
using Referrals.App.Referrals.Sms;
using Referrals.Domain.Calendar;
using Referrals.Domain.Directory;
using Referrals.Domain.Lifecycle;
using Referrals.Domain.Model;
using Referrals.Messaging.Models;
using Referrals.Messaging.Rendering;
using Referrals.Sms.Text;
using Referrals.Sms.Twilio;
using Referrals.Workflow;
using DomainSmsEncoding = global::Referrals.Contracts.SmsEncoding;
using TextEncoding = Referrals.Sms.Text.SmsEncoding;

namespace Referrals.App.Referrals.Effects;

/// <summary>
/// Sends one SMS to a returnee through Twilio and reports the outcome to the referral. It checks the referral as the
/// dispatch knows it (read or committed at the start of the dispatch round), because an opt-out may have been
/// committed after the message was queued, and it never sends in the
/// recipient's quiet hours or faster than the sender's rate limit: both defer the effect without counting as a
/// failure.
/// </summary>
internal sealed partial class SmsEffectHandler(
    MscDirectory mscs,
    ITemplateRenderer templates,
    SmsTextPreparer preparer,
    QuietHours quietHours,
    ReturneePhoneIndex phoneIndex,
    TwilioMessagingClient twilio,
    SmsStatusCallbacks callbacks,
    TimeProvider time,
    ILogger<SmsEffectHandler> logger) : IEffectHandler
{
    private const int OptedOutError = 21610;

    public string EffectType => ReferralEffects.SendSms;

    public async Task<EffectOutcome> HandleAsync(EffectContext context, CancellationToken cancellationToken)
    {
        var payload = context.Effect.PayloadAs<SendSmsPayload>();
        var state = context.State as ReferralState;
        if (state?.FindMessage(payload.MessageId) is not { } message)
        {
            return EffectOutcome.Park("The referral or its message no longer exists.");
        }

        if (message.ProviderSid is not null)
        {
            // Accepted by the provider on an earlier attempt whose outbox delete was lost: never send twice.
            return EffectOutcome.Done();
        }

        var optOutConfirmation = payload.Kind == SmsKind.OptOutConfirmation;
        if (!optOutConfirmation && !state.MaySendSms())
        {
            LogSuppressed(logger, payload.ReferralId, payload.MessageId);
            return EffectOutcome.Done(new SmsStatusChanged(payload.MessageId, null, MessageStatus.Failed,
                state.IsSmsOptedOut() ? OptedOutError : null));
        }

        var now = time.GetUtcNow();
        var zone = PhoneTimeZones.ForNumber(payload.Phone);
        var allowedAt = quietHours.NextAllowed(now, zone);
        if (allowedAt > now && !IsReplyToReturnee(payload.Kind))
        {
            return EffectOutcome.Defer(allowedAt, "quiet hours", new SmsHeld(payload.MessageId, allowedAt));
        }

        if (Render(payload, state) is not { } text)
        {
            return EffectOutcome.Park("No MSC to name in the message; reassign the referral.",
                new EffectParked(payload.MessageId, "no MSC to name in the message"));
        }

        var prepared = preparer.Prepare(text, payload.Language.ToTag());
        await phoneIndex.RememberAsync(payload.Phone, payload.ReferralId, cancellationToken);
        var result = await twilio.SendAsync(payload.Phone, prepared.Text,
            callbacks.For(payload.ReferralId, payload.MessageId), cancellationToken);
        return Outcome(payload, prepared, result, now);
    }

    /// <summary>Answers to a message the returnee just wrote are expected at once, whatever the hour.</summary>
    private static bool IsReplyToReturnee(SmsKind kind) =>
        kind is SmsKind.HelpReply or SmsKind.OptOutConfirmation or SmsKind.OptInConfirmation;

    private string? Render(SendSmsPayload payload, ReferralState state)
    {
        var msc = mscs.CurrentOrLast(state);
        var returnDate = state.Details.ExpectedReturnDate;
        SmsModel? model = payload.Kind switch
        {
            SmsKind.SubmissionConfirmation when msc is not null => new SubmissionConfirmationSms(msc.Name, returnDate),
            SmsKind.Acknowledged when msc is not null => new AcknowledgedSms(msc.ToContact(), AdvisorName: null),
            SmsKind.PreReturnReminder7 when msc is not null =>
                new PreReturnReminderSms(PreReturnReminder.SevenDaysBefore, returnDate, msc.ToContact()),
            SmsKind.PreReturnReminder1 when msc is not null =>
                new PreReturnReminderSms(PreReturnReminder.OneDayBefore, returnDate, msc.ToContact()),
            SmsKind.Welcome when msc is not null => new WelcomeSms(msc.ToContact()),
            SmsKind.HelpReply when msc is not null => new HelpReplySms(msc.ToContact()),
            SmsKind.OptOutConfirmation => new OptOutConfirmationSms(),
            SmsKind.OptInConfirmation => new OptInConfirmationSms(),
            _ => null,
        };
        return model is null ? null : templates.RenderSms(model, payload.Language.ToTag()).Text;
    }

    private EffectOutcome Outcome(SendSmsPayload payload, PreparedSmsText prepared, SmsSendResult result, DateTimeOffset now)
    {
        switch (result)
        {
            case SmsSendResult.Accepted accepted:
                LogAccepted(logger, payload.ReferralId, payload.MessageId, prepared.Analysis.Segments);
                return EffectOutcome.Done(new SmsAccepted(payload.MessageId, accepted.Sid,
                    prepared.Analysis.Encoding == TextEncoding.Gsm7 ? DomainSmsEncoding.Gsm7 : DomainSmsEncoding.Ucs2,
                    Math.Max(1, prepared.Analysis.Segments)));
            case SmsSendResult.Transient { Reason: SmsTransientReason.RateLimited } limited:
                return EffectOutcome.Defer(now + limited.RetryAfter, "sender rate limit");
            case SmsSendResult.Transient transient:
                return EffectOutcome.Retry(transient.Reason.ToString(), transient.RetryAfter);
            case SmsSendResult.Failed { Kind: SmsFailureKind.Rejected } rejected:
                var reason = string.Create(CultureInfo.InvariantCulture,
                    $"Twilio rejected the message (HTTP {rejected.HttpStatus}, error {rejected.ErrorCode?.ToString(CultureInfo.InvariantCulture) ?? "none"}).");
                return EffectOutcome.Park(reason, new EffectParked(payload.MessageId, reason));
            case SmsSendResult.Failed failed:
                LogFailed(logger, payload.ReferralId, payload.MessageId, failed.Kind, failed.ErrorCode);
                return EffectOutcome.Done(new SmsStatusChanged(payload.MessageId, null, MessageStatus.Failed, failed.ErrorCode));
            default:
                throw new InvalidOperationException($"Unknown SMS send result {result.GetType().Name}.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS {MessageId} of referral {ReferralId} accepted by Twilio ({Segments} segments).")]
    private static partial void LogAccepted(ILogger logger, string referralId, string messageId, int segments);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS {MessageId} of referral {ReferralId} failed: {Kind} (error {ErrorCode}).")]
    private static partial void LogFailed(ILogger logger, string referralId, string messageId, SmsFailureKind kind, int? errorCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS {MessageId} of referral {ReferralId} not sent: the returnee may no longer be texted.")]
    private static partial void LogSuppressed(ILogger logger, string referralId, string messageId);
}
