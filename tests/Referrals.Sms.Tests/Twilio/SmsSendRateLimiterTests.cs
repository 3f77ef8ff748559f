using System.Diagnostics;
using Microsoft.Extensions.Options;
using Referrals.Sms.Twilio;

namespace Referrals.Sms.Tests.Twilio;

public sealed class SmsSendRateLimiterTests
{
    private static SmsSendRateLimiter Limiter(double perSecond = 1, int burst = 1) =>
        new(Options.Create(new TwilioOptions { MessagesPerSecond = perSecond, Burst = burst }));

    [Fact]
    public void A_second_message_within_the_second_is_refused_at_once_with_the_wait()
    {
        using var limiter = Limiter();
        var watch = Stopwatch.StartNew();

        var first = limiter.TryAcquire("+381115550100");
        var second = limiter.TryAcquire("+381115550100");

        watch.Stop();
        Assert.True(first.IsGranted);
        Assert.False(second.IsGranted);
        Assert.InRange(second.RetryAfter, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
        Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(500), $"TryAcquire took {watch.Elapsed}");
    }

    [Fact]
    public void Each_sender_has_its_own_allowance()
    {
        using var limiter = Limiter();

        Assert.True(limiter.TryAcquire("+381115550100").IsGranted);
        Assert.True(limiter.TryAcquire("MG" + new string('1', 32)).IsGranted);
        Assert.False(limiter.TryAcquire("+381115550100").IsGranted);
    }

    [Fact]
    public void A_burst_allows_that_many_at_once()
    {
        using var limiter = Limiter(burst: 3);

        var grants = Enumerable.Range(0, 4).Select(_ => limiter.TryAcquire("+381115550100").IsGranted).ToList();

        Assert.Equal([true, true, true, false], grants);
    }

    [Fact]
    public async Task A_permit_comes_back_after_the_period()
    {
        using var limiter = Limiter(perSecond: 10);
        Assert.True(limiter.TryAcquire("+381115550100").IsGranted);
        Assert.False(limiter.TryAcquire("+381115550100").IsGranted);

        var watch = Stopwatch.StartNew();
        while (!limiter.TryAcquire("+381115550100").IsGranted)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "no permit came back within 5 s");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }
}
