using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Referrals.Messaging.Email;

/// <summary>Fails start-up with the full name of each missing or wrong setting of the chosen provider.</summary>
internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var failures = new List<string>();
        const string prefix = EmailOptions.Section;
        if (options.Provider is null)
        {
            failures.Add($"{prefix}:Provider is required (Smtp or SendGrid).");
        }

        if (string.IsNullOrWhiteSpace(options.FromAddress))
        {
            failures.Add($"{prefix}:FromAddress is required.");
        }
        else if (!MailAddress.TryCreate(options.FromAddress, out _))
        {
            failures.Add($"{prefix}:FromAddress is not an email address.");
        }

        if (options.Provider is EmailProvider.Smtp)
        {
            var smtp = options.Smtp;
            if (string.IsNullOrWhiteSpace(smtp.Host))
            {
                failures.Add($"{prefix}:Smtp:Host is required.");
            }

            if (smtp.Port is < 1 or > 65535)
            {
                failures.Add($"{prefix}:Smtp:Port must be between 1 and 65535.");
            }

            if (string.IsNullOrEmpty(smtp.UserName) != string.IsNullOrEmpty(smtp.Password))
            {
                failures.Add($"{prefix}:Smtp:UserName and {prefix}:Smtp:Password go together: set both or neither.");
            }

            if (smtp.TimeoutSeconds < 1)
            {
                failures.Add($"{prefix}:Smtp:TimeoutSeconds must be at least 1.");
            }
        }

        if (options.Provider is EmailProvider.SendGrid)
        {
            if (string.IsNullOrWhiteSpace(options.SendGrid.ApiKey))
            {
                failures.Add($"{prefix}:SendGrid:ApiKey is required.");
            }

            if (!options.SendGrid.BaseUrl.IsAbsoluteUri)
            {
                failures.Add($"{prefix}:SendGrid:BaseUrl must be an absolute URL.");
            }

            if (options.SendGrid.TimeoutSeconds < 1)
            {
                failures.Add($"{prefix}:SendGrid:TimeoutSeconds must be at least 1.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
