namespace Referrals.Web.Api;

/// <summary><c>GET /dev/clock</c> (Development only; not part of the public contract, so not in Referrals.Contracts).</summary>
public sealed record ApiClock(DateTimeOffset Now);
