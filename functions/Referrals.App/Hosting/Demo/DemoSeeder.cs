using Microsoft.Extensions.Options;
using Referrals.Contracts;
using Referrals.App.Api.Projections;
using Referrals.App.Api.Referrals;
using Referrals.App.Referrals;
using Referrals.App.Security;
using Referrals.Domain.Lifecycle;
using Referrals.Messaging;
using Referrals.Workflow;

namespace Referrals.App.Hosting.Demo;

/// <summary>
/// With <c>Demo:Seed=true</c> and no referral in storage, submits a few fictional referrals through the same
/// submission the API uses and moves them into different states at different MSCs, then logs their page URLs (on the
/// staff web app, <c>Messaging:PublicBaseUrl</c>). Keys are fixed, so a second run never duplicates them.
/// </summary>
public sealed class DemoSeeder(
    IServiceProvider services,
    IOptions<DemoOptions> options,
    IOptions<MessagingOptions> messaging,
    IHostApplicationLifetime lifetime,
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
            DemoLog.DemoFailed(logger, exception);
        }
    }

    /// <summary>Seeds unless a referral exists; returns the ids it submitted.</summary>
    public async Task<IReadOnlyList<string>> SeedAsync(CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var lists = scope.ServiceProvider.GetRequiredService<ReferralListQuery>();
        var submission = scope.ServiceProvider.GetRequiredService<ReferralSubmission>();
        var workflow = scope.ServiceProvider.GetRequiredService<IWorkflowClient<ReferralState, ReferralCommand>>();
        var existing = await lists.ReadAsync(ProjectionPartitions.All, null, false, null, null, 1, cancellationToken);
        if (existing is { Items.Count: > 0 })
        {
            DemoLog.DemoSkipped(logger);
            return [];
        }

        var today = BelgradeDate.Today(time);
        var baseUrl = BaseUrl();
        var ids = new List<string>();
        foreach (var demo in DemoReferrals.All(today, options.Value.ConsentTextVersion, time.GetUtcNow()))
        {
            var outcome = await submission.SubmitAsync(Scout, demo.Request, demo.Key, cancellationToken);
            if (outcome is not SubmissionResult.Created created)
            {
                DemoLog.DemoStepRefused(logger, "submit", demo.Key, outcome switch
                {
                    SubmissionResult.Invalid invalid => string.Join("; ", invalid.Errors.Keys),
                    SubmissionResult.Refused refused => refused.Rejection.Reason,
                    _ => "key already used",
                });
                continue;
            }

            var id = created.State.Id;
            ids.Add(id);
            // The demo's own people, acting on their own referrals: no scope check is needed on this trusted path.
            foreach (var (_, command) in demo.Steps(today))
            {
                var result = await workflow.ExecuteAsync(id, command, cancellationToken);
                if (result.Rejection is { } rejection)
                {
                    DemoLog.DemoStepRefused(logger, command.GetType().Name, id, rejection.Reason);
                }
            }

            DemoLog.DemoReferral(logger, id, demo.Description, $"{baseUrl}/referrals/{id}");
        }

        DemoLog.SignInAt(logger, $"{baseUrl}/signin");
        return ids;
    }

    private string BaseUrl() => messaging.Value.PublicBaseUrl?.AbsoluteUri.TrimEnd('/') ?? string.Empty;
}
