using Referrals.Messaging.Digest;
using Referrals.Messaging.Email;

namespace Referrals.Messaging.Tests;

public sealed class DailyDigestComposerTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero); // 08:00 Belgrade
    private static readonly DateTimeOffset s_endOfDay = new(2026, 11, 23, 23, 0, 0, TimeSpan.Zero);
    private static readonly EmailRecipient[] s_to = [new("msc-nis@nes.example")];

    private static DigestCandidate Candidate(string id, string state, double hoursFromNow) =>
        new(id, "M. J.", "Niš", "firstContact", s_now.AddHours(hoursFromNow), state);

    private static Models.DailyDigestEmail? Compose(params DigestCandidate[] deadlines) =>
        DailyDigestComposer.Compose(s_to, "MSC Niš", new DateOnly(2026, 11, 23), s_now, s_endOfDay, deadlines);

    [Theory]
    [InlineData("overdue", -30, "overdue")]
    [InlineData("escalated", -60, "overdue")]
    [InlineData("overdue", 2, "overdue")]
    [InlineData("pending", -1, "overdue")]
    [InlineData("pending", 0, "overdue")]
    [InlineData("pending", 0.5, "due")]
    [InlineData("pending", 16, "due")]
    [InlineData("pending", 16.01, "none")]
    [InlineData("pending", 48, "none")]
    [InlineData("met", -5, "none")]
    [InlineData("cancelled", 1, "none")]
    public void A_deadline_is_overdue_due_today_or_left_out(string state, double hoursFromNow, string expected)
    {
        var digest = Compose(Candidate("r-1", state, hoursFromNow), Candidate("r-other", "pending", 1));

        Assert.NotNull(digest);
        Assert.Equal(expected == "overdue", digest.Overdue.Any(e => e.ReferralId == "r-1"));
        Assert.Equal(expected == "due", digest.Due.Any(e => e.ReferralId == "r-1"));
    }

    [Fact]
    public void Nothing_due_or_overdue_means_no_email()
    {
        Assert.Null(Compose());
        Assert.Null(Compose(Candidate("r-1", "met", -1), Candidate("r-2", "pending", 40), Candidate("r-3", "cancelled", -2)));
    }

    [Fact]
    public void Items_are_ordered_by_due_time_then_referral_id()
    {
        var digest = Compose(Candidate("r-3", "overdue", -1), Candidate("r-2", "overdue", -5), Candidate("r-1", "overdue", -1), Candidate("r-9", "pending", 3), Candidate("r-8", "pending", 2));

        Assert.NotNull(digest);
        Assert.Equal(["r-2", "r-1", "r-3"], digest.Overdue.Select(e => e.ReferralId));
        Assert.Equal(["r-8", "r-9"], digest.Due.Select(e => e.ReferralId));
        Assert.Equal("MSC Niš", digest.MscName);
        Assert.Equal(s_to, digest.To);
    }

    [Fact]
    public void An_unknown_state_fails_naming_the_states()
    {
        var error = Assert.Throws<ArgumentException>(() => Compose(Candidate("r-1", "late", -1)));

        Assert.Contains("pending, met, overdue, escalated, cancelled", error.Message, StringComparison.Ordinal);
    }
}
