extern alias functions;

using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Testing;
using HttpFunction = functions::Referrals.Functions.Http.HttpFunction;

namespace Referrals.App.Tests.Api;

/// <summary>The wrapper every HTTP function runs in answers exceptions with their problem details, through the
/// Functions app's own problem details service.</summary>
[Collection(ApiCollection.Name)]
public sealed class HttpFunctionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly ApiFactory _factory = new(azurite);

    public Task InitializeAsync() => _factory.StartAsync();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_json_exception_is_400_naming_the_path()
    {
        var (status, problem) = await RunAsync(() => throw new JsonException("bad", "$.returnee.phone", 1, 2));

        Assert.Equal(400, status);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Contains("returnee.phone", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_body_keeps_its_status()
    {
        var (status, problem) = await RunAsync(() => throw new BadHttpRequestException("too big", StatusCodes.Status413PayloadTooLarge));

        Assert.Equal(413, status);
        Assert.Equal("The request body is too large.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_bug_is_500_with_the_trace_id_and_without_internals()
    {
        var (status, problem) = await RunAsync(() => throw new InvalidOperationException("secret internals"));

        Assert.Equal(500, status);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        Assert.DoesNotContain("secret", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_that_went_away_is_499()
    {
        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();

        // Nobody is there to read a body, so only the status (for the logs) matters.
        var status = await StatusAsync(() => throw new OperationCanceledException(aborted.Token), aborted.Token);

        Assert.Equal(499, status);
    }

    private async Task<int> StatusAsync(Func<IResult> handler, CancellationToken aborted)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider, RequestAborted = aborted };
        var result = await HttpFunction.RunAsync(context.Request, () => Task.FromResult(handler()));
        await result.ExecuteAsync(context);
        return context.Response.StatusCode;
    }

    private async Task<(int Status, JsonElement Problem)> RunAsync(Func<IResult> handler)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = "POST";
        context.Request.Path = "/api/test";
        using var body = new MemoryStream();
        context.Response.Body = body;

        var result = await HttpFunction.RunAsync(context.Request, () => Task.FromResult(handler()));
        await result.ExecuteAsync(context);

        Assert.Equal("application/problem+json", context.Response.ContentType);
        return (context.Response.StatusCode, JsonDocument.Parse(body.ToArray()).RootElement.Clone());
    }
}
