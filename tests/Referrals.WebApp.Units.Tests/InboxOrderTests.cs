using Referrals.Contracts;
using Referrals.Web.Api;
using Referrals.Web.Services;

namespace Referrals.WebApp.Units.Tests;

public sealed class InboxOrderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private static ReferralSummaryResponse Row(string id, string priority, double? dueInHours) =>
        new(id, "awaitingAcknowledgement", new MscRef("nis", "MSC Niš"), priority, "nis", "2026-12-10",
            dueInHours is { } h ? new NextDeadlineResponse("acknowledge", Now.AddHours(h), h < 0 ? "overdue" : "pending") : null);

    [Fact]
    public void Most_overdue_first_then_soonest_then_priority_and_nothing_due_last()
    {
        var rows = new[]
        {
            Row("later", "normal", 48),
            Row("none", "emergency", null),
            Row("overdue-a-little", "normal", -1),
            Row("overdue-long", "normal", -30),
            Row("same-time-normal", "normal", 5),
            Row("same-time-emergency", "emergency", 5),
        };

        var sorted = InboxOrder.Sort(rows).Select(r => r.Id);

        Assert.Equal(["overdue-long", "overdue-a-little", "same-time-emergency", "same-time-normal", "later", "none"], sorted);
    }
}
