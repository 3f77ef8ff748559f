namespace Referrals.Sms.Twilio;

/// <summary>The answer of <see cref="SmsSendRateLimiter.TryAcquire"/>: send now, or not before
/// <see cref="RetryAfter"/>.</summary>
public readonly record struct SmsSendPermit(bool IsGranted, TimeSpan RetryAfter);
