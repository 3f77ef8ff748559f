using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Referrals.Sms.Twilio;

namespace Referrals.Sms.Webhooks;

/// <summary>A Twilio status callback: the message's new status and, when it failed, why.</summary>
public sealed record TwilioStatusCallback(
    string MessageSid,
    TwilioMessageStatus Status,
    int? ErrorCode,
    string? To,
    string? From)
{
    /// <summary>Reads the form; on failure <paramref name="error"/> names the field and never quotes a number.</summary>
    public static bool TryParse(
        IFormCollection form,
        [NotNullWhen(true)] out TwilioStatusCallback? callback,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(form);
        callback = null;
        var sid = form["MessageSid"].ToString();
        if (sid.Length == 0)
        {
            error = "MessageSid is required.";
            return false;
        }

        var statusText = form["MessageStatus"].ToString();
        if (statusText.Length == 0)
        {
            statusText = form["SmsStatus"].ToString();
        }

        if (!TwilioMessageStatuses.TryParse(statusText, out var status))
        {
            error = "MessageStatus is missing or not a Twilio message status.";
            return false;
        }

        int? code = null;
        var codeText = form["ErrorCode"].ToString();
        if (codeText.Length > 0)
        {
            if (!int.TryParse(codeText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                error = "ErrorCode must be a number.";
                return false;
            }

            code = parsed;
        }

        callback = new TwilioStatusCallback(sid, status.Value, code, NullIfEmpty(form["To"]), NullIfEmpty(form["From"]));
        error = null;
        return true;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
