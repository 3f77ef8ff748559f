namespace Referrals.App.Security;

/// <summary>Checks configured key material without echoing it.</summary>
internal static class Base64Key
{
    public static bool IsValid(string value, int minimumBytes, int? exactBytes = null)
    {
        var buffer = new byte[(value.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(value, buffer, out var length))
        {
            return false;
        }

        return exactBytes is { } exact ? length == exact : length >= minimumBytes;
    }
}
