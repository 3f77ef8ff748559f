using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Referrals.App.Referrals.Digest;
using Referrals.App.Tests.Api;
using Referrals.Domain.Calendar;
using Referrals.Domain.Directory;
using Referrals.Testing;

namespace Referrals.App.Tests.Digest;

/// <summary>
/// The digest job in the real app: referrals submitted through the API (so the list rows and referral state are the
/// real ones), the job run as the timer runs it, the email caught by MailDev, the markers read from Azurite.
/// </summary>
[Collection(DigestCollection.Name)]
public sealed class DailyDigestJobTests(AzuriteFixture azurite, MailDevFixture mailDev) : IAsyncLifetime
{
    private const string Subject = "Dnevni pregled";
    private static readonly SerbianWorkingDayCalendar s_calendar = new();
    private static readonly TimeSpan s_mailWait = TimeSpan.FromSeconds(10);
    private readonly List<DigestApp> _apps = [];

    public Task InitializeAsync() => mailDev.DeleteAllAsync();

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task At_eight_on_a_working_day_the_msc_inbox_gets_its_overdue_and_due_today_deadlines()
    {
        var app = await StartAppAsync(Belgrade(2026, 11, 9, 7, 0)); // Monday
        var overdue = await app.SubmitAsync("emergency"); // acknowledge by Tuesday 07:00
        app.Clock.Advance(TimeSpan.FromHours(5));
        var dueToday = await app.SubmitAsync("emergency"); // acknowledge by Tuesday 12:00
        var later = await app.SubmitAsync("urgent"); // acknowledge by Thursday 12:00
        app.Clock.SetUtcNow(Belgrade(2026, 11, 10, 8, 0));

        await app.RunDigestAsync();

        var digest = Assert.Single(await WaitForDigestsAsync(1));
        var nis = app.Services.GetRequiredService<MscDirectory>().Find("nis")!;
        Assert.Equal([nis.Email], digest.To);
        Assert.Equal($"{Subject}: {nis.Name}, 10. 11. 2026.", digest.Subject.TrimEnd());
        var text = digest.Text;
        var overdueSection = text[text.IndexOf("Prekoračeni rokovi:", StringComparison.Ordinal)..text.IndexOf("Dospeva danas:", StringComparison.Ordinal)];
        var dueSection = text[text.IndexOf("Dospeva danas:", StringComparison.Ordinal)..];
        Assert.Contains($"/referrals/{overdue}", overdueSection, StringComparison.Ordinal);
        Assert.Contains($"/referrals/{dueToday}", dueSection, StringComparison.Ordinal);
        Assert.DoesNotContain(later, text, StringComparison.Ordinal);
        Assert.Contains("M. J., Niš: potvrda prijema", overdueSection, StringComparison.Ordinal);
        Assert.Contains("M. J., Niš: potvrda prijema", dueSection, StringComparison.Ordinal);
        Assert.Contains($"/referrals/{overdue}", digest.Html, StringComparison.Ordinal);
        Assert.Equal(nameof(DigestMarkerStatus.Sent), (await app.MarkerAsync(new DateOnly(2026, 11, 10), "nis"))?.GetString(DigestMarkers.Status));
    }

    [Fact]
    public async Task The_digest_carries_initials_only_never_names_phone_birth_date_or_notes()
    {
        var app = await StartAppAsync(Belgrade(2026, 11, 9, 7, 0));
        await app.SubmitAsync("emergency");
        app.Clock.SetUtcNow(Belgrade(2026, 11, 10, 8, 0));

        await app.RunDigestAsync();

        var digest = Assert.Single(await WaitForDigestsAsync(1));
        foreach (var body in new[] { digest.Text, digest.Html, digest.Subject })
        {
            Assert.DoesNotContain(SubmitBodies.GivenName, body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(SubmitBodies.FamilyName, body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(SubmitBodies.Phone[1..], body, StringComparison.Ordinal);
            Assert.DoesNotContain("12345678", body, StringComparison.Ordinal);
            Assert.DoesNotContain(SubmitBodies.DateOfBirth, body, StringComparison.Ordinal);
            Assert.DoesNotContain("12.04.1988", body, StringComparison.Ordinal);
            Assert.DoesNotContain("school", body, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("M. J.", digest.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_eight_nothing_is_sent_and_the_first_run_after_eight_catches_up()
    {
        var app = await StartAppAsync(Belgrade(2026, 11, 9, 7, 0));
        await app.SubmitAsync("emergency");
        var tuesday = new DateOnly(2026, 11, 10);
        app.Clock.SetUtcNow(Belgrade(2026, 11, 10, 7, 59).AddSeconds(59));

        await app.RunDigestAsync();

        Assert.Null(await app.MarkerAsync(tuesday, "nis"));
        Assert.Empty(await DigestsAsync());

        // The process was down all morning: the first run of the day, at 11:40, sends it.
        app.Clock.SetUtcNow(Belgrade(2026, 11, 10, 11, 40));
        await app.RunDigestAsync();

        Assert.Single(await WaitForDigestsAsync(1));
        Assert.Equal(nameof(DigestMarkerStatus.Sent), (await app.MarkerAsync(tuesday, "nis"))?.GetString(DigestMarkers.Status));
    }

    [Theory]
    [InlineData(2026, 11, 14)] // Saturday
    [InlineData(2026, 11, 15)] // Sunday
    [InlineData(2026, 11, 11)] // Armistice Day
    [InlineData(2027, 1, 7)] // Orthodox Christmas
    [InlineData(2027, 5, 3)] // Orthodox Easter Monday
    public async Task Weekends_and_public_holidays_get_no_digest_and_the_next_working_day_does(int year, int month, int day)
    {
        var dayOff = new DateOnly(year, month, day);
        var app = await StartAppAsync(Belgrade(dayOff.AddDays(-1), 8, 0));
        await app.SubmitAsync("emergency"); // overdue from 08:00 on the day off

        app.Clock.SetUtcNow(Belgrade(dayOff, 9, 0));
        await app.RunDigestAsync();

        Assert.Null(await app.MarkerAsync(dayOff, "nis"));
        Assert.Empty(await DigestsAsync());

        var nextWorkingDay = s_calendar.AddWorkingDays(dayOff, 0);
        app.Clock.SetUtcNow(Belgrade(nextWorkingDay, 8, 0));
        await app.RunDigestAsync();

        Assert.Single(await WaitForDigestsAsync(1));
        Assert.Equal(nameof(DigestMarkerStatus.Sent), (await app.MarkerAsync(nextWorkingDay, "nis"))?.GetString(DigestMarkers.Status));
    }

    [Fact]
    public async Task With_nothing_due_or_overdue_no_email_is_sent_and_the_day_is_settled()
    {
        var app = await StartAppAsync(Belgrade(2026, 11, 9, 7, 0));
        await app.SubmitAsync("normal"); // acknowledge within five working days
        app.Clock.SetUtcNow(Belgrade(2026, 11, 10, 8, 0));

        await app.RunDigestAsync();

        var marker = await app.MarkerAsync(new DateOnly(2026, 11, 10), "nis");
        Assert.Equal(nameof(DigestMarkerStatus.NothingToSay), marker?.GetString(DigestMarkers.Status));
        Assert.Empty(await DigestsAsync());
    }

    [Fact]
    public async Task Repeated_runs_and_two_processes_at_once_send_one_digest_a_day()
    {
        var tables = DigestTables.Unique();
        var first = await StartAppAsync(Belgrade(2026, 11, 9, 7, 0), tables);
        var second = await StartAppAsync(Belgrade(2026, 11, 10, 8, 0), tables);
        await first.SubmitAsync("emergency");
        first.Clock.SetUtcNow(Belgrade(2026, 11, 10, 8, 0));

        await Task.WhenAll(
            first.RunDigestAsync(), second.RunDigestAsync(), first.RunDigestAsync(), second.RunDigestAsync());
        foreach (var minutes in new[] { 15, 30, 45 })
        {
            first.Clock.SetUtcNow(Belgrade(2026, 11, 10, 8, minutes));
            second.Clock.SetUtcNow(Belgrade(2026, 11, 10, 8, minutes));
            await first.RunDigestAsync();
            await second.RunDigestAsync();
        }

        Assert.Single(await WaitForDigestsAsync(1));
        var marker = await first.MarkerAsync(new DateOnly(2026, 11, 10), "nis");
        Assert.Equal(nameof(DigestMarkerStatus.Sent), marker?.GetString(DigestMarkers.Status));
        Assert.Equal(1, marker?.GetInt32(DigestMarkers.Attempts));
        Assert.Single(await DigestsAsync());
    }

    [Fact]
    public async Task A_transient_send_failure_releases_the_claim_and_the_next_run_sends()
    {
        var app = await StartAppAsync(Belgrade(2026, 11, 9, 7, 0));
        await app.SubmitAsync("emergency");
        var tuesday = new DateOnly(2026, 11, 10);
        app.Clock.SetUtcNow(Belgrade(2026, 11, 10, 8, 0));
        await mailDev.StopAsync();
        try
        {
            await app.RunDigestAsync();
        }
        finally
        {
            await mailDev.StartAsync();
        }

        var released = await app.MarkerAsync(tuesday, "nis");
        Assert.Equal(nameof(DigestMarkerStatus.Released), released?.GetString(DigestMarkers.Status));
        Assert.StartsWith("SMTP connection failed", released?.GetString(DigestMarkers.Reason), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromMinutes(15));
        await app.RunDigestAsync();

        Assert.Single(await WaitForDigestsAsync(1));
        var sent = await app.MarkerAsync(tuesday, "nis");
        Assert.Equal(nameof(DigestMarkerStatus.Sent), sent?.GetString(DigestMarkers.Status));
        Assert.Equal(2, sent?.GetInt32(DigestMarkers.Attempts));
    }

    private async Task<DigestApp> StartAppAsync(DateTimeOffset start, DigestTables? tables = null)
    {
        var app = new DigestApp(azurite, mailDev, new FakeTimeProvider(start), tables ?? DigestTables.Unique());
        _apps.Add(app);
        await app.StartAsync();
        return app;
    }

    private static DateTimeOffset Belgrade(int year, int month, int day, int hour, int minute) =>
        Belgrade(new DateOnly(year, month, day), hour, minute);

    private static DateTimeOffset Belgrade(DateOnly date, int hour, int minute) =>
        s_calendar.AtLocalTime(date, new TimeOnly(hour, minute), TimeZones.Belgrade);

    private async Task<List<MailDevEmail>> DigestsAsync() =>
        [.. (await mailDev.GetEmailsAsync()).Where(IsDigest)];

    private async Task<List<MailDevEmail>> WaitForDigestsAsync(int count)
    {
        var deadline = DateTime.UtcNow + s_mailWait;
        while (true)
        {
            var digests = await DigestsAsync();
            if (digests.Count >= count || DateTime.UtcNow > deadline)
            {
                return digests;
            }

            await Task.Delay(50);
        }
    }

    private static bool IsDigest(MailDevEmail email) => email.Subject.StartsWith(Subject, StringComparison.Ordinal);
}
