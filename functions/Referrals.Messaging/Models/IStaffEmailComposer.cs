using Referrals.Messaging.Email;

namespace Referrals.Messaging.Models;

/// <summary>Turns a typed staff email into an addressed, rendered <see cref="EmailMessage"/>.</summary>
public interface IStaffEmailComposer
{
    /// <param name="email">The typed email.</param>
    /// <param name="languageTag">The staff language ("sr-Latn" or "en"); a missing translation falls back.</param>
    /// <param name="effectId">The outbox effect's stable id (becomes the Message-Id).</param>
    EmailMessage Compose(StaffEmail email, string languageTag, string effectId);
}
