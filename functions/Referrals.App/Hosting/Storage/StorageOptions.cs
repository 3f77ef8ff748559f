namespace Referrals.App.Hosting.Storage;

/// <summary>
/// Where the storage account is: a connection string (Azurite, or keys) or the service URIs with a managed identity.
/// When the "Storage" section is empty, the Functions convention under "AzureWebJobsStorage" is read instead
/// (a connection string, or <c>AzureWebJobsStorage__tableServiceUri</c>, <c>__queueServiceUri</c>, <c>__clientId</c>),
/// so a Function App configured the azd way needs no second copy of the same settings.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>A storage connection string, e.g. <c>UseDevelopmentStorage=true</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The Table service endpoint, used with a token credential when there is no connection string.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>The Queue service endpoint, used with a token credential when there is no connection string.</summary>
    public Uri? QueueServiceUri { get; set; }

    /// <summary>The client id of a user-assigned managed identity; empty uses DefaultAzureCredential.</summary>
    public string? ManagedIdentityClientId { get; set; }

    internal bool UsesConnectionString => !string.IsNullOrWhiteSpace(ConnectionString);

    internal bool IsEmpty => !UsesConnectionString && TableServiceUri is null && QueueServiceUri is null;
}
