namespace Referrals.LocalHost.Tests;

/// <summary>Waits on a condition with a deadline, polling briefly; never a fixed sleep.</summary>
internal static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(25), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Gave up after {timeout.TotalSeconds:0} s waiting for {what}.");
            }
        }
    }
}
