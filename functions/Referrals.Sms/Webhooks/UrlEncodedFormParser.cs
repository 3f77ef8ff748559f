using System.Text;
using System.Text.Unicode;

namespace Referrals.Sms.Webhooks;

/// <summary>
/// Parses an <c>application/x-www-form-urlencoded</c> body already read into memory, with limits, and never throws
/// on what a client sent: too many fields, an over-long or empty name, a repeated name, a broken <c>%</c> escape,
/// bytes that are not UTF-8, a control character in a name or NUL in a value are each an error message (which never
/// quotes the body: it can hold a phone number).
/// </summary>
internal static class UrlEncodedFormParser
{
    public static bool TryParse(
        ReadOnlySpan<byte> body,
        int maxFieldCount,
        int maxNameLength,
        out Dictionary<string, string> fields,
        out string? error)
    {
        fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var count = 0;
        while (!body.IsEmpty)
        {
            var end = body.IndexOf((byte)'&');
            var pair = end < 0 ? body : body[..end];
            body = end < 0 ? [] : body[(end + 1)..];
            if (pair.IsEmpty)
            {
                continue;
            }

            if (++count > maxFieldCount)
            {
                error = $"The form has more than {maxFieldCount} fields.";
                return false;
            }

            var equals = pair.IndexOf((byte)'=');
            var rawName = equals < 0 ? pair : pair[..equals];
            var rawValue = equals < 0 ? [] : pair[(equals + 1)..];

            if (!TryDecode(rawName, out var name))
            {
                error = "A field name is not valid percent-encoded UTF-8.";
                return false;
            }

            if (name.Length == 0)
            {
                error = "A field has no name.";
                return false;
            }

            if (name.Length > maxNameLength)
            {
                error = $"A field name is longer than {maxNameLength} characters.";
                return false;
            }

            if (name.Any(char.IsControl))
            {
                error = "A field name contains a control character.";
                return false;
            }

            if (!TryDecode(rawValue, out var value))
            {
                error = "A field value is not valid percent-encoded UTF-8.";
                return false;
            }

            if (value.Contains('\0', StringComparison.Ordinal))
            {
                error = "A field value contains a NUL character.";
                return false;
            }

            if (!fields.TryAdd(name, value))
            {
                // Twilio never repeats a name in messaging webhooks, and its signature scheme cannot tell repeats apart.
                error = "A field name appears more than once.";
                return false;
            }
        }

        error = null;
        return true;
    }

    private static bool TryDecode(ReadOnlySpan<byte> encoded, out string decoded)
    {
        decoded = "";
        if (encoded.IsEmpty)
        {
            return true;
        }

        var bytes = new byte[encoded.Length];
        var length = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            var b = encoded[i];
            if (b == (byte)'+')
            {
                bytes[length++] = (byte)' ';
            }
            else if (b == (byte)'%')
            {
                if (i + 2 >= encoded.Length || HexValue(encoded[i + 1]) is not int high || HexValue(encoded[i + 2]) is not int low)
                {
                    return false;
                }

                bytes[length++] = (byte)((high << 4) | low);
                i += 2;
            }
            else
            {
                bytes[length++] = b;
            }
        }

        var utf8 = bytes.AsSpan(0, length);
        if (!Utf8.IsValid(utf8))
        {
            return false;
        }

        decoded = Encoding.UTF8.GetString(utf8);
        return true;
    }

    private static int? HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => null,
    };
}
