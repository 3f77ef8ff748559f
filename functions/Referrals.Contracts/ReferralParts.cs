namespace Referrals.Contracts;

public sealed record Household(int Adults, int Minors);

/// <summary>What the returnee agreed to, who recorded it, when, how, and which version of the consent text.</summary>
public sealed record Consent(
    bool DataSharing,
    bool Sms,
    DateTimeOffset ObtainedAt,
    ConsentMethod Method,
    string TextVersion);

/// <summary>Who submitted the referral.</summary>
public sealed record Referrer(string ScoutId, string Organisation);
