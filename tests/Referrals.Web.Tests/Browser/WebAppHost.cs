using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Referrals.Web.Tests.Browser;

/// <summary>The new web app (functions/Referrals.Web) in-process on Kestrel at a port of its own, in the given
/// environment, with the given settings on top of its appsettings.</summary>
public sealed class WebAppHost(int port, string environment, IReadOnlyDictionary<string, string?> settings) : IAsyncDisposable
{
    private WebFactory? _factory;

    public Uri BaseUrl { get; } = new($"http://127.0.0.1:{port}");

    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The web app is not running.");

    public async Task StartAsync()
    {
        var factory = new WebFactory(environment, settings);
        factory.UseKestrel(port);
        await Task.Run(factory.StartServer);
        _factory = factory;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is { } factory)
        {
            _factory = null;
            await factory.DisposeAsync();
        }
    }

    private sealed class WebFactory(string environment, IReadOnlyDictionary<string, string?> settings)
        : WebApplicationFactory<Referrals.Web.Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
