using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Referrals.Web.Tests.Browser;

/// <summary>
/// The backend the web app calls, on a fixed port so it can be stopped and started again at the same address. Today
/// it is functions/Referrals.App in-process (WebApplicationFactory&lt;Program&gt; on Kestrel, Development); when the
/// Azure Functions local host replaces it, only this class changes (start <c>func start --port</c> as an
/// <see cref="Referrals.Testing.ExternalProcess"/> with the same settings as environment variables).
/// </summary>
public sealed class BackendHost(int port, IReadOnlyDictionary<string, string?> settings) : IAsyncDisposable
{
    private BackendFactory? _factory;

    public Uri BaseUrl { get; } = new($"http://127.0.0.1:{port}");

    public bool IsRunning => _factory is not null;

    public async Task StartAsync()
    {
        if (_factory is not null)
        {
            return;
        }

        var factory = new BackendFactory(settings);
        factory.UseKestrel(port);
        // Off xunit's synchronization context: StartServer blocks on the host's start, whose hosted services
        // await continuations that would otherwise queue behind the blocked test thread.
        await Task.Run(factory.StartServer);
        _factory = factory;
    }

    /// <summary>Stops the host and frees the port (the address then refuses connections).</summary>
    public async Task StopAsync()
    {
        if (_factory is { } factory)
        {
            _factory = null;
            await factory.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private sealed class BackendFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<global::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

        }
    }
}
