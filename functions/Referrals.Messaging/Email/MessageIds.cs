using System.Security.Cryptography;
using System.Text;

namespace Referrals.Messaging.Email;

/// <summary>The Message-Id of an effect's email: the same effect always gives the same id.</summary>
internal static class MessageIds
{
    /// <summary>A hash keeps the id within RFC 5322's character set whatever the effect id contains.</summary>
    public static string For(string effectId, string fromAddress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(effectId);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(effectId)))[..32];
        var at = fromAddress.LastIndexOf('@');
        var domain = at >= 0 ? fromAddress[(at + 1)..] : "referrals.invalid";
        return $"referrals.{hash}@{domain}";
    }
}
