using Referrals.Contracts;
using Referrals.Domain.Lifecycle;
using Referrals.Domain.Model;
using Referrals.Workflow;
using static Referrals.Domain.Tests.Lifecycle.ReferralStages;
using static Referrals.Domain.Tests.Lifecycle.ReferralTestData;

namespace Referrals.Domain.Tests.Lifecycle;

/// <summary>Every people's command in every stage: accepted with the expected status, or rejected as an invalid
/// transition with a reason naming the action, the current status and what it needs.</summary>
public sealed class ReferralTransitionTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(Start.Date);

    private static readonly Dictionary<string, (Func<ReferralCommand> Create, string Action)> Commands = new()
    {
        ["acknowledge"] = (() => new AcknowledgeReferral(null, Advisor), "acknowledge the referral"),
        ["rejectDuplicate"] = (() => new RejectReferral(RejectionReason.Duplicate, null, null, Advisor), "reject the referral"),
        ["rejectOutOfArea"] = (() => new RejectReferral(RejectionReason.OutOfArea, null, OtherMsc, Advisor), "reject the referral"),
        ["reassign"] = (() => new ReassignReferral(OtherMsc, null, Coordinator), "reassign the referral"),
        ["withdraw"] = (() => new WithdrawReferral("Return cancelled.", Scout), "withdraw the referral"),
        ["changeReturnDate"] = (() => new ChangeReturnDate(new DateOnly(2026, 12, 20), Scout), "change the expected return date"),
        ["changePhone"] = (() => new ChangePhone(SerbianPhone, Scout), "change the phone"),
        ["changePreferredLanguage"] = (() => new ChangePreferredLanguage(Language.De, Scout), "change the preferred language"),
        ["recordArrival"] = (() => new RecordArrival(Today, Advisor), "record the arrival"),
        ["recordFirstContact"] = (() => new RecordFirstContact(Today, null, Advisor), "record the first contact"),
        ["recordFollowUp"] = (() => new RecordFollowUp(1, "registered with NES", null, Advisor), "record a follow-up"),
        ["close"] = (() => new CloseReferral("completed", null, Advisor), "close the referral"),
    };

    private const string Queue = "queue";

    // stage → command → the status after acceptance, Queue for the coordinator-queue rejection, null for a plain
    // invalid transition.
    private static readonly Dictionary<string, Dictionary<string, string?>> Expected = new()
    {
        [AwaitingAcknowledgement] = Row(acknowledge: "acknowledged", rejectDuplicate: "rejected", rejectOutOfArea: "awaitingAcknowledgement",
            reassign: "awaitingAcknowledgement", withdraw: "withdrawn", changeReturnDate: "awaitingAcknowledgement",
            changePhone: "awaitingAcknowledgement", changePreferredLanguage: "awaitingAcknowledgement", recordArrival: null,
            recordFirstContact: null, recordFollowUp: null, close: "closed"),
        [CoordinatorQueue] = Row(acknowledge: Queue, rejectDuplicate: Queue, rejectOutOfArea: Queue,
            reassign: "awaitingAcknowledgement", withdraw: "withdrawn", changeReturnDate: "awaitingAcknowledgement",
            changePhone: "awaitingAcknowledgement", changePreferredLanguage: "awaitingAcknowledgement", recordArrival: null,
            recordFirstContact: null, recordFollowUp: null, close: "closed"),
        [Acknowledged] = Row(acknowledge: null, rejectDuplicate: "rejected", rejectOutOfArea: "awaitingAcknowledgement",
            reassign: "awaitingAcknowledgement", withdraw: "withdrawn", changeReturnDate: "acknowledged",
            changePhone: "acknowledged", changePreferredLanguage: "acknowledged", recordArrival: "arrived",
            recordFirstContact: null, recordFollowUp: null, close: "closed"),
        [Arrived] = Row(acknowledge: null, rejectDuplicate: null, rejectOutOfArea: null,
            reassign: "arrived", withdraw: "withdrawn", changeReturnDate: null,
            changePhone: "arrived", changePreferredLanguage: "arrived", recordArrival: null,
            recordFirstContact: "inSupport", recordFollowUp: null, close: "closed"),
        [InSupport] = Row(acknowledge: null, rejectDuplicate: null, rejectOutOfArea: null,
            reassign: "inSupport", withdraw: "withdrawn", changeReturnDate: null,
            changePhone: "inSupport", changePreferredLanguage: "inSupport", recordArrival: null,
            recordFirstContact: null, recordFollowUp: "inSupport", close: "closed"),
        [Closed] = Final(),
        [Withdrawn] = Final(),
        [Rejected] = Final(),
    };

    public static TheoryData<string, string> StageAndCommand()
    {
        var data = new TheoryData<string, string>();
        foreach (var stage in All)
        {
            foreach (var command in Commands.Keys)
            {
                data.Add(stage, command);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StageAndCommand))]
    public void Command_in_stage_is_accepted_with_the_expected_status_or_rejected_with_a_reason(string stage, string command)
    {
        var harness = In(stage);
        var before = harness.Current;
        var (create, action) = Commands[command];
        var expected = Expected[stage][command];

        var decision = harness.Decider.Decide(before, create(), harness.Now);

        switch (expected)
        {
            case null:
                Assert.Equal(RejectionKind.InvalidTransition, decision.Rejection?.Kind);
                Assert.StartsWith($"Cannot {action}: the referral is {Camel(before.Status)}; this needs status ", decision.Rejection!.Reason);
                break;
            case Queue:
                Assert.Equal(RejectionKind.InvalidTransition, decision.Rejection?.Kind);
                Assert.Equal($"Cannot {action}: the referral waits in the coordinator queue for an MSC; a coordinator must reassign it first.",
                    decision.Rejection!.Reason);
                break;
            default:
                Assert.False(decision.IsRejected, decision.Rejection?.Reason);
                Assert.Equal(expected, Camel(decision.State!.Status));
                Assert.Equal(before.Revision + 1, decision.State.Revision);
                Assert.NotEmpty(decision.Events);
                Assert.Contains(decision.Effects, e => e.Type == ReferralEffects.UpdateProjection);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(StageAndCommand))]
    public void Command_without_the_required_role_is_invalid_and_names_the_roles(string stage, string command)
    {
        var harness = In(stage);
        var (create, action) = Commands[command];
        var original = create();
        var allowed = AllowedRoles(original);
        var wrongRole = Enum.GetValues<Role>().First(r => !allowed.Contains(r));
        var wrongActor = new Actor("someone-else", wrongRole);

        var decision = harness.Decider.Decide(harness.Current, WithActor(original, wrongActor), harness.Now);

        Assert.Equal(RejectionKind.Invalid, decision.Rejection?.Kind);
        Assert.StartsWith("Only ", decision.Rejection!.Reason);
        Assert.EndsWith($" may {action}.", decision.Rejection.Reason);
    }

    [Fact]
    public void Command_for_a_referral_that_does_not_exist_is_not_found()
    {
        var decider = Decider();

        foreach (var (create, _) in Commands.Values)
        {
            var decision = decider.Decide(null, create(), Start);
            Assert.Equal(RejectionKind.NotFound, decision.Rejection?.Kind);
            Assert.Equal("The referral does not exist.", decision.Rejection!.Reason);
        }

        Assert.Equal(RejectionKind.NotFound, decider.Decide(null, new OptOutOfSms("STOP"), Start).Rejection?.Kind);
        Assert.Equal(RejectionKind.NotFound, decider.Decide(null, new EmailSent("email-x"), Start).Rejection?.Kind);
    }

    [Fact]
    public void Submit_for_an_existing_referral_is_an_invalid_transition()
    {
        var harness = In(AwaitingAcknowledgement);

        var decision = harness.Execute(Submit());

        Assert.Equal(RejectionKind.InvalidTransition, decision.Rejection?.Kind);
        Assert.Equal("The referral was already submitted.", decision.Rejection!.Reason);
    }

    private static string Camel(ReferralStatus status) => char.ToLowerInvariant(status.ToString()[0]) + status.ToString()[1..];

    private static Role[] AllowedRoles(ReferralCommand command) => command switch
    {
        AcknowledgeReferral or RejectReferral or RecordArrival or RecordFirstContact or RecordFollowUp => [Role.Advisor],
        ReassignReferral => [Role.Coordinator],
        WithdrawReferral or ChangeReturnDate or ChangePhone or ChangePreferredLanguage => [Role.Scout],
        CloseReferral => [Role.Advisor, Role.Coordinator],
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    private static ReferralCommand WithActor(ReferralCommand command, Actor actor) => command switch
    {
        AcknowledgeReferral c => c with { Actor = actor },
        RejectReferral c => c with { Actor = actor },
        ReassignReferral c => c with { Actor = actor },
        WithdrawReferral c => c with { Actor = actor },
        ChangeReturnDate c => c with { Actor = actor },
        ChangePhone c => c with { Actor = actor },
        ChangePreferredLanguage c => c with { Actor = actor },
        RecordArrival c => c with { Actor = actor },
        RecordFirstContact c => c with { Actor = actor },
        RecordFollowUp c => c with { Actor = actor },
        CloseReferral c => c with { Actor = actor },
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    private static Dictionary<string, string?> Row(string? acknowledge, string? rejectDuplicate, string? rejectOutOfArea,
        string? reassign, string? withdraw, string? changeReturnDate, string? changePhone, string? changePreferredLanguage,
        string? recordArrival, string? recordFirstContact, string? recordFollowUp, string? close) => new()
    {
        ["acknowledge"] = acknowledge,
        ["rejectDuplicate"] = rejectDuplicate,
        ["rejectOutOfArea"] = rejectOutOfArea,
        ["reassign"] = reassign,
        ["withdraw"] = withdraw,
        ["changeReturnDate"] = changeReturnDate,
        ["changePhone"] = changePhone,
        ["changePreferredLanguage"] = changePreferredLanguage,
        ["recordArrival"] = recordArrival,
        ["recordFirstContact"] = recordFirstContact,
        ["recordFollowUp"] = recordFollowUp,
        ["close"] = close,
    };

    private static Dictionary<string, string?> Final() => Row(null, null, null, null, null, null, null, null, null, null, null, null);
}
