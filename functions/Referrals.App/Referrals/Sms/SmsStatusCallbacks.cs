using Microsoft.Extensions.Options;
using Referrals.Sms.Twilio;

namespace Referrals.App.Referrals.Sms;

/// <summary>
/// The status-callback URL of each SMS. It names the referral and message, so a callback finds its referral
/// without a lookup; Twilio signs the full URL, so the query cannot be forged.
/// </summary>
public sealed class SmsStatusCallbacks(IOptions<TwilioOptions> options)
{
    public const string Path = "/api/twilio/status";

    public Uri For(string referralId, string messageId)
    {
        var baseUrl = options.Value.PublicBaseUrl?.AbsoluteUri.TrimEnd('/')
            ?? throw new InvalidOperationException("Twilio:PublicBaseUrl is required.");
        return new Uri($"{baseUrl}{Path}?referral={Uri.EscapeDataString(referralId)}&message={Uri.EscapeDataString(messageId)}");
    }
}
