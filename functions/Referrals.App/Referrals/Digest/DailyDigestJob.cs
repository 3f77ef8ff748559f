using System.Collections.Frozen;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Referrals.App.Api.Projections;
using Referrals.App.Api.Storage;
using Referrals.App.Hosting;
using Referrals.Domain.Calendar;
using Referrals.Domain.Directory;
using Referrals.Domain.Lifecycle;
using Referrals.Messaging.Digest;
using Referrals.Messaging.Email;
using Referrals.Messaging.Models;
using Referrals.Workflow;

namespace Referrals.App.Referrals.Digest;

/// <summary>
/// Each MSC's morning digest of overdue deadlines and those due today, to its inbox in sr-Latn. Safe to run as often
/// as the timer likes, in several processes at once: <see cref="DigestSchedule"/> says whether this is a sending
/// moment and <see cref="DigestMarkers"/> lets one run per MSC and day send. Candidates come from the MSC's list
/// partition (one partition query); the referral itself supplies the initials (the list rows hold none) and has the
/// last word on whether the deadline is still open.
/// </summary>
public sealed partial class DailyDigestJob(
    MscDirectory mscs,
    MunicipalityDirectory municipalities,
    ApiTables tables,
    DigestMarkers markers,
    IWorkflowClient<ReferralState, ReferralCommand> referrals,
    IStaffEmailComposer composer,
    IEmailSender sender,
    IWorkingDayCalendar calendar,
    IOptions<DailyDigestOptions> options,
    TimeProvider time,
    ILogger<DailyDigestJob> logger) : IDailyDigestJob
{
    public const string StaffLanguage = "sr-Latn";

    // Deadlines an MSC acts on. Pre-return SMS reminders are the system's job and routing the coordinators'.
    private static readonly FrozenSet<string> s_mscDeadlines = new[]
    {
        DeadlineKinds.Acknowledge, DeadlineKinds.ArrivalConfirmation, DeadlineKinds.FirstContact,
        DeadlineKinds.FollowUp1, DeadlineKinds.FollowUp2, DeadlineKinds.FollowUp3,
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] s_columns =
    [
        ProjectionColumns.Id, ProjectionColumns.Municipality, ProjectionColumns.NextDeadlineKind,
    ];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (DigestSchedule.At(now, options.Value.SendAt, calendar) is not { } day)
        {
            return;
        }

        var markerTable = await markers.OpenAsync(cancellationToken);
        var projections = await tables.ProjectionsAsync(cancellationToken);
        var failed = 0;
        foreach (var msc in mscs.All)
        {
            try
            {
                await RunForAsync(msc, day, now, markerTable, projections, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One centre's trouble must not cost the others their digest.
                failed++;
                Log.DigestFailed(logger, msc.Id, day.Date, exception);
            }
        }

        if (failed > 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{failed} of {mscs.All.Count} MSC digests for {day.Date:yyyy-MM-dd} failed; the next run retries them."));
        }
    }

    private async Task RunForAsync(MigrationServiceCentre msc, DigestDay day, DateTimeOffset now, TableClient markerTable,
        TableClient projections, CancellationToken cancellationToken)
    {
        if (await markers.TryClaimAsync(markerTable, day.Date, msc.Id, now, cancellationToken) is not { } claim)
        {
            return;
        }

        var sending = false;
        try
        {
            var candidates = await CandidatesAsync(msc, day, projections, cancellationToken);
            var email = DailyDigestComposer.Compose(
                [new EmailRecipient(msc.Email, msc.Name)], msc.Name, day.Date, now, day.DueBy, candidates);
            if (email is null)
            {
                await markers.FinishAsync(claim, DigestMarkerStatus.NothingToSay, null, now, cancellationToken);
                Log.NothingToSay(logger, msc.Id, day.Date);
                return;
            }

            // The same id on every attempt of a day gives the same Message-Id, so a repeat is recognisable.
            var message = composer.Compose(email, StaffLanguage, $"{DigestMarkers.PartitionFor(day.Date)}-{msc.Id}");
            sending = true;
            var outcome = await sender.SendAsync(message, cancellationToken);
            switch (outcome.Status)
            {
                case EmailSendStatus.Sent:
                    await markers.FinishAsync(claim, DigestMarkerStatus.Sent, null, now, cancellationToken);
                    Log.Sent(logger, msc.Id, day.Date, email.Overdue.Count, email.Due.Count, claim.Attempt);
                    break;
                case EmailSendStatus.Transient:
                    await markers.FinishAsync(claim, DigestMarkerStatus.Released, outcome.Reason, now, cancellationToken);
                    Log.SendDeferred(logger, msc.Id, day.Date, claim.Attempt, outcome.Reason);
                    break;
                default:
                    await markers.FinishAsync(claim, DigestMarkerStatus.Failed, outcome.Reason, now, cancellationToken);
                    Log.SendRefused(logger, msc.Id, day.Date, outcome.Reason);
                    break;
            }
        }
        catch (Exception) when (!sending && !cancellationToken.IsCancellationRequested)
        {
            // Nothing went out: let the next run try again. Once a send has started the claim is never released
            // here (it may have been delivered); only the lease frees it. Should this write fail, the lease does too.
            await markers.FinishAsync(claim, DigestMarkerStatus.Released, "The run failed before sending.", now,
                CancellationToken.None);
            throw;
        }
    }

    private async Task<List<DigestCandidate>> CandidatesAsync(MigrationServiceCentre msc, DigestDay day,
        TableClient projections, CancellationToken cancellationToken)
    {
        // Overdue and escalated deadlines are past too, so one bound on the due time finds every candidate;
        // rows without an open deadline have no due time and never match.
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {ProjectionPartitions.ForMsc(msc.Id)} and NextDeadlineDueAt le {day.DueBy}");
        var candidates = new List<DigestCandidate>();
        await foreach (var row in projections.QueryAsync<TableEntity>(filter, select: s_columns,
            cancellationToken: cancellationToken))
        {
            var kind = row.GetString(ProjectionColumns.NextDeadlineKind);
            var id = row.GetString(ProjectionColumns.Id);
            if (kind is null || id is null || !s_mscDeadlines.Contains(kind))
            {
                continue;
            }

            // The row can trail the referral by one dispatch (acknowledged, reassigned): the referral decides.
            var state = await referrals.GetStateAsync(id, cancellationToken);
            var deadline = state?.FindDeadline(kind);
            if (state is null || deadline is null || !deadline.IsOpen()
                || !string.Equals(state.MscId, msc.Id, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var code = state.Details.MunicipalityCode;
            candidates.Add(new DigestCandidate(
                id,
                Initials.Of(state.Details.Returnee.GivenName, state.Details.Returnee.FamilyName),
                municipalities.ByCode(code)?.NameLatin ?? code,
                kind,
                deadline.DueAt,
                ProjectionColumns.Camel(deadline.State)));
        }

        return candidates;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information,
            "Daily digest for MSC {MscId} on {Date} sent: {Overdue} overdue, {Due} due today (attempt {Attempt}).")]
        public static partial void Sent(ILogger logger, string mscId, DateOnly date, int overdue, int due, int attempt);

        [LoggerMessage(2, LogLevel.Debug, "Daily digest for MSC {MscId} on {Date}: nothing due or overdue, no email.")]
        public static partial void NothingToSay(ILogger logger, string mscId, DateOnly date);

        [LoggerMessage(3, LogLevel.Warning,
            "Daily digest for MSC {MscId} on {Date} not sent (attempt {Attempt}): {Reason}; the next run tries again.")]
        public static partial void SendDeferred(ILogger logger, string mscId, DateOnly date, int attempt, string? reason);

        [LoggerMessage(4, LogLevel.Error,
            "Daily digest for MSC {MscId} on {Date} refused by the mail service: {Reason}; not retried today.")]
        public static partial void SendRefused(ILogger logger, string mscId, DateOnly date, string? reason);

        [LoggerMessage(5, LogLevel.Error, "Daily digest for MSC {MscId} on {Date} failed; the next run tries again.")]
        public static partial void DigestFailed(ILogger logger, string mscId, DateOnly date, Exception exception);
    }
}
