using Microsoft.Extensions.Options;

namespace Referrals.App.Security;

/// <summary>Outside Development an Entra authority and audience are required; a configured Development signing
/// key must be base64 of at least 32 bytes.</summary>
public sealed class AuthOptionsValidator(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        if (!environment.IsDevelopment())
        {
            if (string.IsNullOrWhiteSpace(options.Authority))
            {
                failures.Add("Auth:Authority is required outside Development (the Entra ID authority URL).");
            }

            if (string.IsNullOrWhiteSpace(options.Audience))
            {
                failures.Add("Auth:Audience is required outside Development.");
            }
        }

        if (options.DevSigningKey is { } key && !Base64Key.IsValid(key, minimumBytes: 32))
        {
            failures.Add("Auth:DevSigningKey must be base64 of at least 32 bytes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
