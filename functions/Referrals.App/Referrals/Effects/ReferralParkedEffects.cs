using Referrals.Domain.Lifecycle;
using Referrals.Workflow;

namespace Referrals.App.Referrals.Effects;

/// <summary>Shows on the referral (timeline, message status) an effect the runtime gave up on.</summary>
internal sealed class ReferralParkedEffects : IParkedEffectListener<ReferralCommand>
{
    public ReferralCommand? OnEffectParked(string effectId, string effectType, string reason) =>
        new EffectParked(effectId, reason);
}
