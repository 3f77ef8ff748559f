using System.ComponentModel.DataAnnotations;

namespace Referrals.App.Referrals;

/// <summary>Where staff email goes besides the MSC directory (section "Referrals:Notifications").</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Referrals:Notifications";

    /// <summary>The coordinators' shared inbox: escalations in copy, routing requests.</summary>
    [Required, EmailAddress]
    public string CoordinatorEmail { get; set; } = "";

    /// <summary>Each scouting organisation's inbox (the <c>org</c> claim → address) for notices to the scout.</summary>
    public Dictionary<string, string> OrganisationEmails { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Used for an organisation without its own entry; without it such a notice is parked for an operator.</summary>
    [EmailAddress]
    public string? ScoutFallbackEmail { get; set; }

    /// <summary>The answer to an SMS from a number we never wrote to (we cannot tell its language).</summary>
    [Required, MaxLength(320)]
    public string UnknownSenderReply { get; set; } =
        "Ovaj broj ne prepoznajemo. Obratite se savetniku koji vam je poslao poruku. / We do not recognise this number; please contact your adviser.";
}
