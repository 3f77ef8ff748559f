using Referrals.Contracts;
using Referrals.Domain.Model;

namespace Referrals.Domain.Lifecycle;

/// <summary>
/// The state of one referral as the workflow stores it (System.Text.Json with WorkflowJson.Options). It holds the
/// returnee's personal data; the runtime encrypts the whole payload at rest. Derived facts are methods, not
/// properties, so they are never written.
/// </summary>
public sealed record ReferralState
{
    public required string Id { get; init; }

    public required ReferralStatus Status { get; init; }

    public required ReferralDetails Details { get; init; }

    /// <summary>The MSC responsible now; null while the referral waits in the coordinator's routing queue.</summary>
    public string? MscId { get; init; }

    /// <summary>Every assignment, oldest first (the first is the routing at submission).</summary>
    public IReadOnlyList<MscAssignment> Assignments { get; init; } = [];

    public required DateTimeOffset SubmittedAt { get; init; }

    /// <summary>Identifies the request that created the referral (the API keeps a hash of the submitted body here),
    /// so the same Idempotency-Key with another body is told apart from a retry.</summary>
    public string? RequestFingerprint { get; init; }

    /// <summary>Counts accepted decisions (1 after submission). Timer tokens and projection effect ids derive
    /// from it, so they are unique and deterministic.</summary>
    public long Revision { get; init; }

    public IReadOnlyList<ReferralDeadline> Deadlines { get; init; } = [];

    /// <summary>Every SMS and email the referral caused, oldest first.</summary>
    public IReadOnlyList<ReferralMessage> Messages { get; init; } = [];

    /// <summary>Effects the runtime parked (an operator has to look at them).</summary>
    public IReadOnlyList<ParkedEffectRecord> ParkedEffects { get; init; } = [];

    /// <summary>Notes and free-text reasons, oldest first (kept out of the timeline on purpose).</summary>
    public IReadOnlyList<ReferralNote> Notes { get; init; } = [];

    /// <summary>Set when the returnee opted out of SMS (keyword or provider error 21610); cleared by opt-in.</summary>
    public DateTimeOffset? SmsOptedOutAt { get; init; }

    /// <summary>Set when the provider reported the phone as invalid or not mobile; cleared by a phone change.</summary>
    public DateTimeOffset? PhoneInvalidAt { get; init; }

    public Acknowledgement? Acknowledgement { get; init; }

    public RejectionRecord? Rejection { get; init; }

    public DateOnly? ArrivedOn { get; init; }

    public FirstContactRecord? FirstContact { get; init; }

    public IReadOnlyList<FollowUpRecord> FollowUps { get; init; } = [];

    public ClosureRecord? Closure { get; init; }

    public WithdrawalRecord? Withdrawal { get; init; }

    /// <summary>True while the referral can still change (not closed, withdrawn or rejected).</summary>
    public bool IsOpen() => Status is ReferralStatus.AwaitingAcknowledgement or ReferralStatus.Acknowledged
        or ReferralStatus.Arrived or ReferralStatus.InSupport;

    /// <summary>True before the returnee's arrival is recorded (return-date timers apply).</summary>
    public bool IsBeforeArrival() => Status is ReferralStatus.AwaitingAcknowledgement or ReferralStatus.Acknowledged;

    public bool IsSmsOptedOut() => SmsOptedOutAt is not null;

    /// <summary>
    /// Whether an SMS may be sent to the returnee now: consent to SMS, not opted out, the number not known to be
    /// invalid, and the referral still open. SMS handlers should re-check this against the latest state before
    /// sending, because an opt-out can be committed after a send was requested.
    /// </summary>
    public bool MaySendSms() => Details.Consent.Sms && !IsSmsOptedOut() && PhoneInvalidAt is null && IsOpen();

    public ReferralDeadline? FindDeadline(string kind) => Deadlines.FirstOrDefault(d => d.Kind == kind);

    public ReferralMessage? FindMessage(string messageId) => Messages.FirstOrDefault(m => m.Id == messageId);
}
