namespace Referrals.App.Hosting.Demo;

/// <summary>Section "Demo": <c>Demo:Seed=true</c> submits a small demo set when storage holds no referral yet.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    public bool Seed { get; set; }

    /// <summary>The consent text version the demo referrals record.</summary>
    public string ConsentTextVersion { get; set; } = "2026-1";
}
