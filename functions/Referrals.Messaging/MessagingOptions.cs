namespace Referrals.Messaging;

/// <summary>Section <c>Messaging</c>: what staff emails link to and which clock they read.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>The web address staff open; emails link to <c>{PublicBaseUrl}/referrals/{id}</c>.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Deadlines in staff email are shown in this zone (the MSCs are in Serbia).</summary>
    public string StaffTimeZone { get; set; } = "Europe/Belgrade";
}
