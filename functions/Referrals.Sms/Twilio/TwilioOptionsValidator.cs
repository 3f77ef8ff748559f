using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Referrals.Sms.Twilio;

/// <summary>Fails start-up with the name of each missing or malformed "Twilio:*" setting.</summary>
public sealed partial class TwilioOptionsValidator : IValidateOptions<TwilioOptions>
{
    public ValidateOptionsResult Validate(string? name, TwilioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.AccountSid is null || !AccountSidPattern().IsMatch(options.AccountSid))
        {
            failures.Add("Twilio:AccountSid is required: 'AC' followed by 32 hexadecimal digits.");
        }

        if (string.IsNullOrWhiteSpace(options.AuthToken))
        {
            failures.Add("Twilio:AuthToken is required.");
        }

        var hasFrom = !string.IsNullOrWhiteSpace(options.From);
        var hasService = !string.IsNullOrWhiteSpace(options.MessagingServiceSid);
        if (hasFrom == hasService)
        {
            failures.Add("Exactly one of Twilio:From and Twilio:MessagingServiceSid must be set.");
        }
        else if (hasFrom && !SmsAddress.IsValidSender(options.From!))
        {
            failures.Add("Twilio:From must be an E.164 number (+4915...) or an alphanumeric sender ID of at most 11 characters.");
        }
        else if (hasService && !MessagingServiceSidPattern().IsMatch(options.MessagingServiceSid!))
        {
            failures.Add("Twilio:MessagingServiceSid must be 'MG' followed by 32 hexadecimal digits.");
        }

        if (!IsHttpUrl(options.ApiBaseUrl))
        {
            failures.Add("Twilio:ApiBaseUrl must be an absolute http(s) URL.");
        }

        if (!IsHttpUrl(options.PublicBaseUrl))
        {
            failures.Add("Twilio:PublicBaseUrl is required: the App's absolute http(s) URL as Twilio reaches it.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add("Twilio:RequestTimeout must be positive.");
        }

        if (options.MaxRetryAttempts is < 0 or > 10)
        {
            failures.Add("Twilio:MaxRetryAttempts must be between 0 and 10.");
        }

        if (options.MaxRetryWait < TimeSpan.Zero || options.RetryBaseDelay < TimeSpan.Zero)
        {
            failures.Add("Twilio:MaxRetryWait and Twilio:RetryBaseDelay must not be negative.");
        }

        if (!(options.MessagesPerSecond > 0) || options.Burst < 1)
        {
            failures.Add("Twilio:MessagesPerSecond must be positive and Twilio:Burst at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(Uri? uri) =>
        uri is { IsAbsoluteUri: true } && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$")]
    private static partial Regex AccountSidPattern();

    [GeneratedRegex("^MG[0-9a-fA-F]{32}$")]
    private static partial Regex MessagingServiceSidPattern();
}
