using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Referrals.Sms.Twilio;

namespace Referrals.SmsSandbox;

/// <summary>
/// Builds the sandbox: a stand-in for Twilio's Messages API with signed callbacks, fault injection and a
/// conversation page. Tests host it in-process; ./run.sh runs it as a process.
/// </summary>
public static class SandboxApp
{
    public const string DefaultUrl = "http://127.0.0.1:7072";

    /// <param name="args">Command-line arguments (<c>--urls</c>, <c>--Sandbox:AuthToken=…</c>, …).</param>
    /// <param name="configure">Overrides applied after configuration, e.g. tiny callback delays in tests.</param>
    public static WebApplication Create(string[] args, Action<SandboxOptions>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(SandboxApp).Assembly.GetName().Name,

            // The sandbox reads no content files; a fixed root keeps a relative --contentRoot from failing start-up.
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var services = builder.Services;
        var options = services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.SectionName);
        if (configure is not null)
        {
            options.PostConfigure(configure);
        }

        options
            .Validate(o => o.AccountSid.Length == 34 && o.AccountSid.StartsWith("AC", StringComparison.Ordinal),
                "Sandbox:AccountSid must be 'AC' followed by 32 hexadecimal digits.")
            .Validate(o => o.AuthToken.Length > 0, "Sandbox:AuthToken is required.")
            .Validate(o => SmsAddress.IsE164(o.PhoneNumber), "Sandbox:PhoneNumber must be an E.164 number.")
            .Validate(o => o.StatusCallbackDelay >= TimeSpan.Zero, "Sandbox:StatusCallbackDelay must not be negative.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SandboxStore>();
        services.AddSingleton<StatusProgression>();
        services.AddHostedService(provider => provider.GetRequiredService<StatusProgression>());
        services.AddSingleton<InboundRelay>();
        services.AddHttpClient<SignedWebhookClient>();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));

        var app = builder.Build();
        app.UseStatusCodePages();
        app.MapTwilioMessagesApi();
        app.MapSandboxControl();
        app.MapConversationPage();
        return app;
    }

    /// <summary>The address the sandbox listens on once started (the real port when started on port 0).</summary>
    public static Uri BaseUrl(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return new Uri(app.Urls.First());
    }
}
