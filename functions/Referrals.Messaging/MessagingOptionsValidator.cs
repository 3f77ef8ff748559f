using Microsoft.Extensions.Options;

namespace Referrals.Messaging;

internal sealed class MessagingOptionsValidator : IValidateOptions<MessagingOptions>
{
    public ValidateOptionsResult Validate(string? name, MessagingOptions options)
    {
        var failures = new List<string>();
        if (options.PublicBaseUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{MessagingOptions.Section}:PublicBaseUrl is required (an absolute http or https URL).");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.StaffTimeZone ?? string.Empty, out _))
        {
            failures.Add($"{MessagingOptions.Section}:StaffTimeZone '{options.StaffTimeZone}' is not a known time zone.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
