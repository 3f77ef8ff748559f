using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Referrals.Contracts;
using Referrals.App.Api.Projections;
using Referrals.App.Api.Referrals;
using Referrals.App.Security;
using Referrals.App.Web.Services;
using Referrals.Domain.Lifecycle;
using Referrals.Domain.Model;

namespace Referrals.App.Web.Demo;

/// <summary>
/// With <c>Demo:Seed=true</c> and no referral in storage, submits a few fictional referrals through the same
/// services the pages use and moves them into different states at different MSCs, then logs their page URLs.
/// Keys are fixed, so a second run never duplicates them.
/// </summary>
public sealed class DemoSeeder(
    IServiceProvider services,
    IOptions<DemoOptions> options,
    IOptions<WebOptions> webOptions,
    IHostApplicationLifetime lifetime,
    IServer server,
    TimeProvider time,
    ILogger<DemoSeeder> logger) : BackgroundService
{
    public const string Organisation = "returnhelp-berlin";
    public const string ScoutSubject = "scout-demo";

    private static readonly Caller Scout = new(ScoutSubject, Role.Scout, Organisation, null);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Seed)
        {
            return;
        }

        // After start-up: storage exists, the dispatcher runs and the listening addresses are known.
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            await started.Task;
        }

        try
        {
            await SeedAsync(stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.DemoFailed(logger, exception);
        }
    }

    /// <summary>Seeds unless a referral exists; returns the ids it submitted.</summary>
    public async Task<IReadOnlyList<string>> SeedAsync(CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var lists = scope.ServiceProvider.GetRequiredService<ReferralListQuery>();
        var referrals = scope.ServiceProvider.GetRequiredService<WebReferrals>();
        var existing = await lists.ReadAsync(ProjectionPartitions.All, null, false, null, null, 1, cancellationToken);
        if (existing is { Items.Count: > 0 })
        {
            Log.DemoSkipped(logger);
            return [];
        }

        var today = BelgradeDate.Today(time);
        var baseUrl = BaseUrl();
        var ids = new List<string>();
        foreach (var demo in DemoReferrals.All(today, webOptions.Value.ConsentTextVersion, time.GetUtcNow()))
        {
            var outcome = await referrals.SubmitAsync(Scout, demo.Request, demo.Key, cancellationToken);
            if (outcome.ReferralId is not { } id)
            {
                Log.DemoStepRefused(logger, "submit", demo.Key, outcome.Reason ?? string.Join("; ", outcome.Errors.Keys));
                continue;
            }

            ids.Add(id);
            foreach (var (caller, command) in demo.Steps(today))
            {
                var result = await referrals.ExecuteAsync(id, caller, command, cancellationToken);
                if (!result.IsApplied)
                {
                    Log.DemoStepRefused(logger, command.GetType().Name, id, result.Reason);
                }
            }

            Log.DemoReferral(logger, id, demo.Description, $"{baseUrl}/referrals/{id}");
        }

        Log.SignInAt(logger, $"{baseUrl}/signin");
        return ids;
    }

    private string BaseUrl() =>
        (server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:7071").TrimEnd('/');
}
