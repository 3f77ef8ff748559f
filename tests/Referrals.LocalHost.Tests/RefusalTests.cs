using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Referrals.LocalHost.Tests;

/// <summary>The host refuses at start-up, naming the function, anything it cannot run; it never skips it.</summary>
public sealed class RefusalTests
{
    private static InvalidOperationException Start(params JsonObject[] functions)
    {
        var metadata = TestMetadata.Write(withReal: true, functions);
        try
        {
            // Refused while the host is created: no storage is touched, so no Azurite is needed.
            return Assert.Throws<InvalidOperationException>(() => LocalFunctionsHost.Create([], builder =>
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["LocalHost:MetadataFile"] = metadata,
                    ["LocalHost:Port"] = "0",
                    ["TestTickSchedule"] = "every minute",
                })));
        }
        finally
        {
            File.Delete(metadata);
        }
    }

    [Fact]
    public void Unsupported_binding_is_refused_naming_the_function_and_the_binding()
    {
        var refusal = Start(TestMetadata.Function("OutboxDispatch", "Referrals.Functions.Outbox.OutboxDispatch.RunAsync",
            TestMetadata.Binding("message", "queueTrigger", "In", ("queueName", "dispatch"), ("connection", "AzureWebJobsStorage"))));

        Assert.Contains("'OutboxDispatch'", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("'queueTrigger'", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsupported_output_binding_is_refused_naming_the_function()
    {
        var refusal = Start(TestMetadata.Function(NumberHttp.FunctionName, $"{typeof(NumberHttp).FullName}.{nameof(NumberHttp.Get)}",
            TestMetadata.HttpTrigger("test/numbers/{number}", "get"),
            TestMetadata.Binding("$return", "queue", "Out", ("queueName", "out"))));

        Assert.Contains($"'{NumberHttp.FunctionName}'", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("'queue'", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameter_bound_to_nothing_supported_is_refused_naming_the_function_and_the_parameter()
    {
        var refusal = Start(TestMetadata.Function("TestWithFunctionContext",
            $"{typeof(UnsupportedFunctions).FullName}.{nameof(UnsupportedFunctions.WithFunctionContext)}",
            TestMetadata.HttpTrigger("test/context", "get"),
            TestMetadata.HttpReturn()));

        Assert.Contains("'TestWithFunctionContext'", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("'context'", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Http_function_returning_neither_IResult_nor_IActionResult_is_refused()
    {
        var refusal = Start(TestMetadata.Function("TestReturnsText",
            $"{typeof(UnsupportedFunctions).FullName}.{nameof(UnsupportedFunctions.ReturnsText)}",
            TestMetadata.HttpTrigger("test/text", "get"),
            TestMetadata.HttpReturn()));

        Assert.Contains("'TestReturnsText'", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("String", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Timer_schedule_that_is_not_six_field_cron_is_refused()
    {
        var refusal = Start(TestMetadata.Function(TickTimer.FunctionName, $"{typeof(TickTimer).FullName}.{nameof(TickTimer.RunAsync)}",
            TestMetadata.Binding("timer", "timerTrigger", "In", ("schedule", "%TestTickSchedule%")),
            TestMetadata.Binding("client", "durableClient")));

        Assert.Contains($"'{TickTimer.FunctionName}'", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("every minute", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Entry_point_that_does_not_exist_is_refused()
    {
        var refusal = Start(TestMetadata.Function("Ghost", "Referrals.LocalHost.Tests.Ghost.Run",
            TestMetadata.HttpTrigger("ghost", "get"),
            TestMetadata.HttpReturn()));

        Assert.Contains("'Ghost'", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AzureWebJobsStorage", "", "StorageConnectionString")]
    [InlineData("AzureFunctionsJobHost:extensions:durableTask:hubName", "1-not-a-hub", "HubName")]
    [InlineData("AzureFunctionsJobHost:extensions:durableTask:storageProvider:partitionCount", "17", "PartitionCount")]
    public async Task Invalid_durable_setting_fails_start_naming_it_before_storage_is_touched(string key, string value, string named)
    {
        // Nothing listens here: a start that reached storage would fail differently.
        const string Unreachable = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;" +
            "BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;" +
            "TableEndpoint=http://127.0.0.1:9/devstoreaccount1;";
        await using var host = LocalFunctionsHost.Create(["--environment", "Development"], builder =>
        {
            // The app's own options valid, so the durable setting is the one failure.
            builder.Configuration.AddInMemoryCollection(AppSettings.Valid(Unreachable));
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["LocalHost:Port"] = "0",
                ["AzureWebJobsStorage"] = Unreachable,
                [key] = value,
            });
        });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_with_no_function_group_is_refused_naming_the_setting()
    {
        var refusal = Assert.Throws<OptionsValidationException>(() => LocalFunctionsHost.Create([], builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["LocalHost:Port"] = "0",
                ["LocalHost:Groups"] = "None",
            })));

        Assert.Contains("LocalHost:Groups", refusal.Message, StringComparison.Ordinal);
    }
}
