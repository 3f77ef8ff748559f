using System.Text.Json;
using Referrals.App.Hosting.CustomHandler;
using Referrals.Testing;
using Referrals.Workflow;

namespace Referrals.App.Tests.Hosting;

/// <summary>host.json and the function.json files agree with the routes and settings the handler serves.</summary>
public sealed class FunctionDefinitionTests
{
    private static readonly string s_functions = Path.Combine(RepositoryPaths.Root, "functions", "Referrals.App", "Functions");

    private static JsonElement Read(params string[] path) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(path))).RootElement.Clone();

    private static JsonElement Binding(string function, string type) =>
        Read(s_functions, function, "function.json").GetProperty("bindings").EnumerateArray()
            .Single(binding => binding.GetProperty("type").GetString() == type);

    [Fact]
    public void Every_function_folder_is_one_the_handler_knows()
    {
        var folders = Directory.GetDirectories(s_functions).Select(Path.GetFileName).Order().ToArray();

        Assert.Equal(
            new[] { FunctionNames.DailyDigest, FunctionNames.Health, FunctionNames.HttpForwarder, FunctionNames.OutboxDispatch, FunctionNames.TimerSweep }.Order(),
            folders);
    }

    [Fact]
    public void Host_json_forwards_HTTP_without_a_route_prefix_and_starts_the_published_handler()
    {
        var host = Read(RepositoryPaths.Root, "host.json");

        Assert.Equal("2.0", host.GetProperty("version").GetString());
        Assert.True(host.GetProperty("customHandler").GetProperty("enableForwardingHttpRequest").GetBoolean());
        Assert.Equal("handler/Referrals.App",
            host.GetProperty("customHandler").GetProperty("description").GetProperty("defaultExecutablePath").GetString());
        Assert.Equal("", host.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.Equal("Microsoft.Azure.Functions.ExtensionBundle", host.GetProperty("extensionBundle").GetProperty("id").GetString());
        Assert.Equal("[4.*, 5.0.0)", host.GetProperty("extensionBundle").GetProperty("version").GetString());
    }

    [Fact]
    public void The_queue_trigger_reads_the_dispatch_queue_base64_with_five_attempts_like_the_runtime()
    {
        var queues = Read(RepositoryPaths.Root, "host.json").GetProperty("extensions").GetProperty("queues");
        var settings = Read(RepositoryPaths.Root, "functions", "Referrals.App", "appsettings.json");
        var trigger = Binding(FunctionNames.OutboxDispatch, "queueTrigger");

        Assert.Equal("base64", queues.GetProperty("messageEncoding").GetString());
        Assert.Equal(new WorkflowOptions().MaxDequeueCount, queues.GetProperty("maxDequeueCount").GetInt32());
        Assert.Equal(settings.GetProperty("Workflow").GetProperty("DispatchQueueName").GetString(), trigger.GetProperty("queueName").GetString());
        Assert.Equal(FunctionNames.QueueMessageBinding, trigger.GetProperty("name").GetString());
        Assert.Equal("AzureWebJobsStorage", trigger.GetProperty("connection").GetString());
    }

    [Theory]
    [InlineData("TimerSweep", "0 */1 * * * *")]
    [InlineData("DailyDigest", "0 */15 * * * *")]
    public void Timer_functions_run_on_their_schedule(string function, string schedule)
    {
        Assert.Equal(schedule, Binding(function, "timerTrigger").GetProperty("schedule").GetString());
    }

    [Theory]
    [InlineData("HttpForwarder", "api/{*path}")]
    [InlineData("Health", "healthz")]
    public void Public_HTTP_reaches_only_the_API_and_health_never_the_trigger_routes(string function, string route)
    {
        var trigger = Binding(function, "httpTrigger");

        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal("anonymous", trigger.GetProperty("authLevel").GetString());
    }
}
