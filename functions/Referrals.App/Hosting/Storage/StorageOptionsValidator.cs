using Microsoft.Extensions.Options;

namespace Referrals.App.Hosting.Storage;

/// <summary>Fails start-up with the name of the missing storage setting.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (options.UsesConnectionString)
        {
            return options.TableServiceUri is null && options.QueueServiceUri is null
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    "Set either Storage:ConnectionString or Storage:TableServiceUri with Storage:QueueServiceUri, not both.");
        }

        if (options.IsEmpty)
        {
            return ValidateOptionsResult.Fail(
                "Storage is not configured: set Storage:ConnectionString (UseDevelopmentStorage=true for Azurite), or " +
                "Storage:TableServiceUri and Storage:QueueServiceUri for a managed identity " +
                "(AzureWebJobsStorage__tableServiceUri and AzureWebJobsStorage__queueServiceUri are read too).");
        }

        var failures = new List<string>();
        if (options.TableServiceUri is null)
        {
            failures.Add("Storage:TableServiceUri is missing (it is required when Storage:QueueServiceUri is set).");
        }

        if (options.QueueServiceUri is null)
        {
            failures.Add("Storage:QueueServiceUri is missing (it is required when Storage:TableServiceUri is set).");
        }

        foreach (var (setting, uri) in new[] { ("Storage:TableServiceUri", options.TableServiceUri), ("Storage:QueueServiceUri", options.QueueServiceUri) })
        {
            if (uri is not null && (!uri.IsAbsoluteUri || uri.Scheme != Uri.UriSchemeHttps))
            {
                failures.Add($"{setting} must be an absolute https URI (a token credential is never sent over http).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
