using Microsoft.Extensions.Configuration;
using Referrals.App.Hosting.Storage;

namespace Referrals.App.Tests.Hosting;

public sealed class StorageOptionsTests
{
    private static readonly Uri s_tables = new("https://referralsdev.table.core.windows.net");
    private static readonly Uri s_queues = new("https://referralsdev.queue.core.windows.net");

    private static StorageOptions Bind(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var options = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        StorageRegistration.ApplyFunctionsConvention(options, configuration);
        return options;
    }

    private static string? Validate(StorageOptions options)
    {
        var result = new StorageOptionsValidator().Validate(null, options);
        return result.Failed ? result.FailureMessage : null;
    }

    [Fact]
    public void A_connection_string_alone_is_valid()
    {
        Assert.Null(Validate(Bind(("Storage:ConnectionString", "UseDevelopmentStorage=true"))));
    }

    [Fact]
    public void Service_URIs_over_https_are_valid_with_an_optional_client_id()
    {
        var options = Bind(("Storage:TableServiceUri", s_tables.ToString()), ("Storage:QueueServiceUri", s_queues.ToString()),
            ("Storage:ManagedIdentityClientId", "00000000-0000-0000-0000-000000000001"));

        Assert.Null(Validate(options));
        Assert.Equal("00000000-0000-0000-0000-000000000001", options.ManagedIdentityClientId);
    }

    [Fact]
    public void Nothing_configured_fails_naming_both_ways_to_configure_storage()
    {
        var error = Validate(Bind());

        Assert.Contains("Storage:ConnectionString", error, StringComparison.Ordinal);
        Assert.Contains("Storage:TableServiceUri", error, StringComparison.Ordinal);
        Assert.Contains("Storage:QueueServiceUri", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Storage:TableServiceUri", "Storage:QueueServiceUri is missing")]
    [InlineData("Storage:QueueServiceUri", "Storage:TableServiceUri is missing")]
    public void One_service_URI_without_the_other_fails_naming_the_missing_one(string given, string expected)
    {
        var error = Validate(Bind((given, "https://referralsdev.core.windows.net")));

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_URI_over_http_fails_because_a_token_would_travel_in_clear()
    {
        var error = Validate(Bind(("Storage:TableServiceUri", "http://127.0.0.1:10002/devstoreaccount1"),
            ("Storage:QueueServiceUri", s_queues.ToString())));

        Assert.Contains("Storage:TableServiceUri must be an absolute https URI", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_string_and_service_URIs_together_are_ambiguous()
    {
        var error = Validate(Bind(("Storage:ConnectionString", "UseDevelopmentStorage=true"),
            ("Storage:TableServiceUri", s_tables.ToString())));

        Assert.Contains("not both", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_Storage_section_takes_the_Functions_connection_string()
    {
        var options = Bind(("AzureWebJobsStorage", "UseDevelopmentStorage=true"));

        Assert.Equal("UseDevelopmentStorage=true", options.ConnectionString);
        Assert.Null(Validate(options));
    }

    [Fact]
    public void An_empty_Storage_section_takes_the_azd_identity_settings()
    {
        // What AzureWebJobsStorage__tableServiceUri etc. become as configuration keys.
        var options = Bind(("AzureWebJobsStorage:tableServiceUri", s_tables.ToString()),
            ("AzureWebJobsStorage:queueServiceUri", s_queues.ToString()),
            ("AzureWebJobsStorage:credential", "managedidentity"),
            ("AzureWebJobsStorage:clientId", "00000000-0000-0000-0000-000000000002"));

        Assert.Equal(s_tables, options.TableServiceUri);
        Assert.Equal(s_queues, options.QueueServiceUri);
        Assert.Equal("00000000-0000-0000-0000-000000000002", options.ManagedIdentityClientId);
        Assert.Null(Validate(options));
    }

    [Fact]
    public void The_Storage_section_wins_over_the_Functions_setting()
    {
        var options = Bind(("Storage:ConnectionString", "UseDevelopmentStorage=true"),
            ("AzureWebJobsStorage:tableServiceUri", s_tables.ToString()));

        Assert.Null(options.TableServiceUri);
        Assert.Null(Validate(options));
    }
}
