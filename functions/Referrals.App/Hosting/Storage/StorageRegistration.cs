using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Referrals.App.Hosting.Storage;

/// <summary>The storage clients every component takes from DI, built once from <see cref="StorageOptions"/>.</summary>
internal static class StorageRegistration
{
    /// <summary>The Functions host's storage setting; the handler reads the same value the host does.</summary>
    public const string FunctionsStorageSection = "AzureWebJobsStorage";

    public static IServiceCollection AddReferralsStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .Configure<IConfiguration>(ApplyFunctionsConvention)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());

        // Resolved only when the options name service URIs, so local runs never touch Azure.Identity.
        services.TryAddSingleton<TokenCredential>(provider =>
            CreateCredential(provider.GetRequiredService<IOptions<StorageOptions>>().Value));

        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.UsesConnectionString
                ? new TableServiceClient(options.ConnectionString)
                : new TableServiceClient(options.TableServiceUri, provider.GetRequiredService<TokenCredential>());
        });
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            // Base64 is what the Functions queue trigger decodes (host.json "messageEncoding": "base64"); every queue
            // client derived from this one inherits it, so both hosting modes read the same messages.
            var clientOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
            return options.UsesConnectionString
                ? new QueueServiceClient(options.ConnectionString, clientOptions)
                : new QueueServiceClient(options.QueueServiceUri, provider.GetRequiredService<TokenCredential>(), clientOptions);
        });
        return services;
    }

    /// <summary>Fills an empty "Storage" section from "AzureWebJobsStorage" (a connection string, or the
    /// identity-based keys azd writes: tableServiceUri, queueServiceUri, clientId).</summary>
    internal static void ApplyFunctionsConvention(StorageOptions options, IConfiguration configuration)
    {
        if (!options.IsEmpty)
        {
            return;
        }

        var functionsStorage = configuration.GetSection(FunctionsStorageSection);
        if (!string.IsNullOrWhiteSpace(functionsStorage.Value))
        {
            options.ConnectionString = functionsStorage.Value;
            return;
        }

        options.TableServiceUri = ParseUri(functionsStorage["tableServiceUri"]);
        options.QueueServiceUri = ParseUri(functionsStorage["queueServiceUri"]);
        if (string.IsNullOrWhiteSpace(options.ManagedIdentityClientId))
        {
            options.ManagedIdentityClientId = functionsStorage["clientId"];
        }
    }

    private static Uri? ParseUri(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : null;

    private static TokenCredential CreateCredential(StorageOptions options) =>
        string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
}
