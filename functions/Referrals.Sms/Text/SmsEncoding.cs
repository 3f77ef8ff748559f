namespace Referrals.Sms.Text;

/// <summary>How an SMS body travels over the air: the GSM 03.38 7-bit alphabet, or UCS-2 for anything else.</summary>
public enum SmsEncoding
{
    Gsm7,
    Ucs2,
}
