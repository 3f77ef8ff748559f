using System.Globalization;
using System.Text.RegularExpressions;

namespace Referrals.Messaging.Models;

/// <summary>
/// Initials are all of a returnee's identity a staff email carries. The shape check keeps a full name from slipping
/// in through the same field.
/// </summary>
public static partial class Initials
{
    [GeneratedRegex(@"^\p{Lu}\.?( ?\p{Lu}\.?){0,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    /// <summary>"Marko", "Jovanović" → "M. J.".</summary>
    public static string Of(string givenName, string familyName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(givenName);
        ArgumentException.ThrowIfNullOrWhiteSpace(familyName);
        return $"{First(givenName)}. {First(familyName)}.";
    }

    private static string First(string name) => name.Trim()[..1].ToUpper(CultureInfo.InvariantCulture);

    /// <summary>Returns <paramref name="initials"/> if it looks like initials; the error never repeats the value.</summary>
    public static string Require(string initials, string field) =>
        initials is not null && Shape().IsMatch(initials)
            ? initials
            : throw new ArgumentException($"'{field}' must be initials such as \"M. J.\" (at most four letters), never a name.", field);
}
