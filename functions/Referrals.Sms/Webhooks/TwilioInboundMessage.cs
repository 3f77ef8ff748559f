using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Referrals.Sms.Keywords;

namespace Referrals.Sms.Webhooks;

/// <summary>An SMS someone sent to our number, as Twilio's incoming-message webhook delivers it.</summary>
public sealed record TwilioInboundMessage(string MessageSid, string From, string To, string Body, int NumSegments)
{
    /// <summary>The keyword the whole body is, if any.</summary>
    public InboundKeyword Keyword => InboundKeywordClassifier.Classify(Body);

    /// <summary>Reads the form; on failure <paramref name="error"/> names the field and never quotes a number.</summary>
    public static bool TryParse(
        IFormCollection form,
        [NotNullWhen(true)] out TwilioInboundMessage? message,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(form);
        message = null;
        foreach (var required in (string[])["MessageSid", "From", "To"])
        {
            if (form[required].ToString().Length == 0)
            {
                error = $"{required} is required.";
                return false;
            }
        }

        if (!form.ContainsKey("Body"))
        {
            error = "Body is required.";
            return false;
        }

        var segments = 1;
        var segmentsText = form["NumSegments"].ToString();
        if (segmentsText.Length > 0
            && !int.TryParse(segmentsText, NumberStyles.None, CultureInfo.InvariantCulture, out segments))
        {
            error = "NumSegments must be a number.";
            return false;
        }

        message = new TwilioInboundMessage(
            form["MessageSid"].ToString(), form["From"].ToString(), form["To"].ToString(), form["Body"].ToString(), segments);
        error = null;
        return true;
    }
}
