namespace Referrals.Contracts;

/// <summary>The token request: <c>org</c> for a scout, <c>msc</c> for an advisor.</summary>
public sealed record DevTokenRequest(string? Role, string? Subject, string? Org = null, string? Msc = null);

public sealed record DevTokenResponse(string AccessToken);
