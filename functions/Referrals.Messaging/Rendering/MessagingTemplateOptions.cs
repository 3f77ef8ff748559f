namespace Referrals.Messaging.Rendering;

/// <summary>Where the message templates are and which language fills a missing translation (section <c>Messaging:Templates</c>).</summary>
public sealed class MessagingTemplateOptions
{
    public const string Section = "Messaging:Templates";

    /// <summary>The shipped templates; defaults to the <c>Templates</c> folder next to the assembly.</summary>
    public string Directory { get; set; } = Path.Combine(AppContext.BaseDirectory, "Templates");

    /// <summary>A coordinator's folder mirroring <see cref="Directory"/>: a file here replaces or adds to the shipped one.</summary>
    public string? OverrideDirectory { get; set; }

    /// <summary>
    /// Used when a returnee's language has no SMS template of a kind. Serbian Latin, because every returnee goes to
    /// Serbia and Serbian is far more likely understood than English by someone whose Romani text is missing.
    /// </summary>
    public string SmsFallbackLanguage { get; set; } = "sr-Latn";

    /// <summary>Used when an email kind has no template in the requested staff language; staff work in Serbian.</summary>
    public string EmailFallbackLanguage { get; set; } = "sr-Latn";
}
