namespace Referrals.App.Referrals;

/// <summary>The referral workflow: its decider, reference data, templates and effect handlers.</summary>
public static class ReferralsRegistration
{
    public static WebApplicationBuilder AddReferralWorkflow(this WebApplicationBuilder builder) => builder;
}
