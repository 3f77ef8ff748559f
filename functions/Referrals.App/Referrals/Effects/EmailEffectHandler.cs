using Referrals.Contracts;
using Referrals.Domain.Lifecycle;
using Referrals.Domain.Model;
using Referrals.Messaging.Email;
using Referrals.Messaging.Models;
using Referrals.Workflow;

namespace Referrals.App.Referrals.Effects;

/// <summary>
/// Sends one staff email. A transient failure (mail server down, 4xx) is retried by the outbox with backoff; a
/// permanent one (5xx for the recipient, no address) is parked where an operator and the referral show it.
/// </summary>
internal sealed partial class EmailEffectHandler(
    StaffEmailFactory factory,
    IStaffEmailComposer composer,
    IEmailSender sender,
    TimeProvider time,
    ILogger<EmailEffectHandler> logger) : IEffectHandler
{
    public string EffectType => ReferralEffects.SendEmail;

    public async Task<EffectOutcome> HandleAsync(EffectContext context, CancellationToken cancellationToken)
    {
        var payload = context.Effect.PayloadAs<SendEmailPayload>();
        var state = context.State as ReferralState;
        if (state is null)
        {
            return EffectOutcome.Park("The referral no longer exists.");
        }

        if (state.FindMessage(payload.MessageId) is { Status: MessageStatus.Sent })
        {
            return EffectOutcome.Done();
        }

        var (email, problem) = factory.Create(payload, state, time.GetUtcNow());
        if (email is null)
        {
            return EffectOutcome.Park(problem!, new EffectParked(payload.MessageId, problem!));
        }

        var message = composer.Compose(email, payload.Language.ToTag(), payload.MessageId);
        var outcome = await sender.SendAsync(message, cancellationToken);
        switch (outcome.Status)
        {
            case EmailSendStatus.Sent:
                LogSent(logger, payload.ReferralId, payload.MessageId, email.Kind);
                return EffectOutcome.Done(new EmailSent(payload.MessageId));
            case EmailSendStatus.Transient:
                return EffectOutcome.Retry(outcome.Reason ?? "transient email failure");
            default:
                var reason = $"The mail service refused the email: {outcome.Reason ?? "no reason given"}.";
                return EffectOutcome.Park(reason, new EffectParked(payload.MessageId, reason));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {MessageId} ({Kind}) of referral {ReferralId} sent.")]
    private static partial void LogSent(ILogger logger, string referralId, string messageId, string kind);
}
