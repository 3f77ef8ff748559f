using System.Buffers;

namespace Referrals.Sms.Text;

/// <summary>The GSM 03.38 default alphabet: the basic table and the extension table reached through ESC.</summary>
public static class Gsm7Alphabet
{
    // The basic table in code order, without 0x1B (ESC), which is not a character of its own.
    private const string BasicCharacters =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    // Characters sent as ESC + code, so each costs two septets. \f is the page break.
    private const string ExtensionCharacters = "\f^{}\\[~]|€";

    private static readonly SearchValues<char> s_basic = SearchValues.Create(BasicCharacters);
    private static readonly SearchValues<char> s_extension = SearchValues.Create(ExtensionCharacters);
    private static readonly SearchValues<char> s_all = SearchValues.Create(BasicCharacters + ExtensionCharacters);

    /// <summary>Whether every character of <paramref name="text"/> can be sent in GSM-7.</summary>
    public static bool CanEncode(ReadOnlySpan<char> text) => text.IndexOfAnyExcept(s_all) < 0;

    public static bool IsBasic(char c) => s_basic.Contains(c);

    public static bool IsExtension(char c) => s_extension.Contains(c);

    /// <summary>Septets one character takes: 1 in the basic table, 2 in the extension table.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The character is not in GSM-7.</exception>
    public static int SeptetsOf(char c) =>
        IsBasic(c) ? 1
        : IsExtension(c) ? 2
        : throw new ArgumentOutOfRangeException(nameof(c), $"U+{(int)c:X4} is not in the GSM 03.38 alphabet.");
}
