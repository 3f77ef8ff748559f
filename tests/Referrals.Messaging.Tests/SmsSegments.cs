namespace Referrals.Messaging.Tests;

/// <summary>
/// A rough segment estimate for recording template lengths (the SMS component owns the real encoder): GSM-7 when every
/// character is in the GSM 03.38 basic or extension table, otherwise UCS-2.
/// </summary>
internal static class SmsSegments
{
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "^{}\\[~]|€\f";

    public static (bool Gsm7, int Units, int Segments) Estimate(string text)
    {
        var gsm7 = text.All(c => Basic.Contains(c, StringComparison.Ordinal) || Extension.Contains(c, StringComparison.Ordinal));
        var units = gsm7 ? text.Sum(c => Extension.Contains(c, StringComparison.Ordinal) ? 2 : 1) : text.Length;
        var (single, multi) = gsm7 ? (160, 153) : (70, 67);
        var segments = units <= single ? 1 : (units + multi - 1) / multi;
        return (gsm7, units, segments);
    }
}
