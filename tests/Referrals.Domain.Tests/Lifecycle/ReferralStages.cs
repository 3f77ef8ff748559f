using Referrals.Contracts;
using Referrals.Domain.Lifecycle;
using Referrals.Domain.Model;
using static Referrals.Domain.Tests.Lifecycle.ReferralTestData;

namespace Referrals.Domain.Tests.Lifecycle;

/// <summary>Harnesses holding one referral in a given stage, reached through the decider itself.</summary>
internal static class ReferralStages
{
    public const string AwaitingAcknowledgement = "awaitingAcknowledgement";
    public const string CoordinatorQueue = "coordinatorQueue";
    public const string Acknowledged = "acknowledged";
    public const string Arrived = "arrived";
    public const string InSupport = "inSupport";
    public const string Closed = "closed";
    public const string Withdrawn = "withdrawn";
    public const string Rejected = "rejected";

    public static IReadOnlyList<string> All { get; } =
        [AwaitingAcknowledgement, CoordinatorQueue, Acknowledged, Arrived, InSupport, Closed, Withdrawn, Rejected];

    public static ReferralWorkflowHarness In(string stage, bool smsConsent = true)
    {
        var harness = new ReferralWorkflowHarness(Start);
        harness.Accept(Submit(smsConsent: smsConsent));
        var today = DateOnly.FromDateTime(Start.Date);
        switch (stage)
        {
            case AwaitingAcknowledgement:
                break;
            case CoordinatorQueue:
                harness.Accept(new RejectReferral(RejectionReason.OutOfArea, null, null, Advisor));
                break;
            case Acknowledged:
                harness.Accept(new AcknowledgeReferral(null, Advisor));
                break;
            case Arrived:
                harness.Accept(new AcknowledgeReferral(null, Advisor));
                harness.Accept(new RecordArrival(today, Advisor));
                break;
            case InSupport:
                harness.Accept(new AcknowledgeReferral(null, Advisor));
                harness.Accept(new RecordArrival(today, Advisor));
                harness.Accept(new RecordFirstContact(today, null, Advisor));
                break;
            case Closed:
                harness.Accept(new CloseReferral("completed", null, Coordinator));
                break;
            case Withdrawn:
                harness.Accept(new WithdrawReferral("Return cancelled.", Scout));
                break;
            case Rejected:
                harness.Accept(new RejectReferral(RejectionReason.Duplicate, null, null, Advisor));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(stage), stage, null);
        }

        return harness;
    }
}
