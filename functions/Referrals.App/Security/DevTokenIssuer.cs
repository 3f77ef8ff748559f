using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Referrals.Contracts;
using Referrals.Domain.Model;

namespace Referrals.App.Security;

/// <summary>Signs Development tokens with the local key; the same key validates them (see
/// <see cref="JwtBearerSetup"/>). Never registered outside Development.</summary>
public sealed class DevTokenIssuer(IOptions<AuthOptions> options, DevSigningKey signingKey)
{
    public string Issue(Caller caller)
    {
        // Stamped in wall-clock time like Entra's, and validated against it: the Development clock is business time.
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [ReferralClaims.Subject] = caller.Subject,
            [ReferralClaims.Role] = caller.Role.ToName(),
        };
        if (caller.Organisation is not null)
        {
            claims[ReferralClaims.Organisation] = caller.Organisation;
        }

        if (caller.Msc is not null)
        {
            claims[ReferralClaims.Msc] = caller.Msc;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = ReferralClaims.DevIssuer,
            Audience = ReferralClaims.DevAudience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(options.Value.DevTokenLifetimeMinutes),
            SigningCredentials = new SigningCredentials(signingKey.Key, SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
