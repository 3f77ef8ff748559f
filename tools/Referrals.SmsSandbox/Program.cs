namespace Referrals.SmsSandbox;

/// <summary>Runs the sandbox as its own process (by default on http://127.0.0.1:7072).</summary>
public static class Program
{
    public static Task Main(string[] args) => SandboxApp.Create(args).RunAsync();
}
