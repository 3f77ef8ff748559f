namespace Referrals.Sms.Text;

/// <summary>What a message body costs to send.</summary>
/// <param name="Encoding">GSM-7 when every character is in the GSM 03.38 basic or extension table, else UCS-2.</param>
/// <param name="Segments">Billed SMS parts; 0 for an empty body.</param>
/// <param name="Length">Septets for GSM-7 (an extension-table character takes two), UTF-16 code units for UCS-2
/// (an emoji outside the Basic Multilingual Plane takes two).</param>
public readonly record struct SmsEncodingAnalysis(SmsEncoding Encoding, int Segments, int Length);
