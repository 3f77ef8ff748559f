using Referrals.Contracts;
using Referrals.App.Security;
using Referrals.Domain.Directory;
using Referrals.Domain.Lifecycle;
using Referrals.Domain.Model;
using Referrals.Workflow;

namespace Referrals.App.Api.Referrals;

/// <summary>
/// Shapes a referral for a caller. Minimum sharing: scouts and advisors (who contact the returnee) see the contact
/// details; coordinators see them masked. Staff notes are for NES staff (advisors, coordinators), not for scouts.
/// </summary>
public sealed class ReferralResponseMapper(MscDirectory mscs, MunicipalityDirectory municipalities)
{
    public MscRef? Msc(string? mscId) => mscId is null ? null : new MscRef(mscId, mscs.Find(mscId)?.Name);

    public SubmittedReferralResponse Submitted(ReferralState state) =>
        new(state.Id, state.Status, Msc(state.MscId), AcknowledgeBy(state));

    public ReferralResponse Full(WorkflowTimeline<ReferralState> snapshot, Caller caller, DateTimeOffset now)
    {
        var state = snapshot.State;
        var details = state.Details;
        var returnee = details.Returnee;
        var masked = caller.Role == Role.Coordinator;
        return new ReferralResponse(
            state.Id,
            state.Status,
            Msc(state.MscId),
            new ReturneeResponse(
                returnee.GivenName,
                returnee.FamilyName,
                returnee.DateOfBirth,
                returnee.Gender,
                masked ? ReferralView.MaskPhone(returnee.Phone) : returnee.Phone,
                returnee.Email is { } email && masked ? MaskEmail(email) : returnee.Email,
                returnee.PreferredLanguage.ToTag()),
            details.Household,
            details.ExpectedReturnDate,
            details.ArrivalPoint,
            details.MunicipalityCode,
            municipalities.ByCode(details.MunicipalityCode)?.NameLatin,
            details.Needs,
            details.Vulnerabilities,
            details.Priority,
            details.Consent,
            details.Notes,
            details.Referrer,
            state.SubmittedAt,
            AcknowledgeBy(state),
            state.IsSmsOptedOut(),
            [.. snapshot.Events.Select(e => new TimelineEntryResponse(e.At, e.Type, e.Actor, e.Detail))],
            [.. ReferralView.Deadlines(state, now).Select(d => new DeadlineResponse(d.Kind, d.DueAt, d.State))],
            [.. ReferralView.Messages(state).Select(m =>
                new MessageResponse(m.Channel, m.Kind, m.To, m.Status, m.Encoding, m.Segments, m.At))],
            caller.Role == Role.Scout
                ? null
                : [.. state.Notes.Select(n => new StaffNoteResponse(n.Context, n.Text, n.At, n.By))]);
    }

    private static DateTimeOffset? AcknowledgeBy(ReferralState state) =>
        state.FindDeadline(DeadlineKinds.Acknowledge)?.DueAt;

    private static string MaskEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "•••" : string.Concat(email.AsSpan(0, 1), "•••", email.AsSpan(at));
    }
}
