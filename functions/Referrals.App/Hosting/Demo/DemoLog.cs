namespace Referrals.App.Hosting.Demo;

/// <summary>Log messages of the demo seeder. Ids and URLs only, never personal data.</summary>
internal static partial class DemoLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Demo data: storage already holds referrals; nothing seeded.")]
    public static partial void DemoSkipped(ILogger logger);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Demo referral {ReferralId} ({Status}): {Url}")]
    public static partial void DemoReferral(ILogger logger, string referralId, string status, string url);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Demo step {Step} for referral {ReferralId} was refused: {Reason}")]
    public static partial void DemoStepRefused(ILogger logger, string step, string referralId, string? reason);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Information, Message = "Pages: sign in at {Url}")]
    public static partial void SignInAt(ILogger logger, string url);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Error, Message = "Demo data could not be seeded.")]
    public static partial void DemoFailed(ILogger logger, Exception exception);
}
