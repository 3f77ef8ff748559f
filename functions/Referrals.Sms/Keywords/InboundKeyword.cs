namespace Referrals.Sms.Keywords;

/// <summary>What an inbound SMS asks for when its whole body is a keyword.</summary>
public enum InboundKeyword
{
    Other,
    Stop,
    Start,
    Help,
}
