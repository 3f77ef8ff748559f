using Referrals.Domain.Directory;
using Referrals.Domain.Lifecycle;
using Referrals.Messaging.Models;

namespace Referrals.App.Referrals.Effects;

/// <summary>The MSC a message speaks for, and its public contact details.</summary>
internal static class MscContacts
{
    /// <summary>The referral's MSC, or while it waits in the coordinator's queue the one it was last assigned to,
    /// so a returnee's message always names a place to turn to.</summary>
    public static MigrationServiceCentre? CurrentOrLast(this MscDirectory directory, ReferralState state)
    {
        var id = state.MscId ?? state.Assignments.LastOrDefault(a => a.MscId is not null)?.MscId;
        return id is null ? null : directory.Find(id);
    }

    public static MscContact ToContact(this MigrationServiceCentre msc) => new(msc.Name, msc.Address, msc.Phone, msc.Hours);
}
