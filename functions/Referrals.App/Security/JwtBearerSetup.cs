using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Referrals.App.Security;

/// <summary>
/// The one place that configures JWT bearer validation for either issuer (named <see cref="JwtBearerOptions"/>
/// "Bearer"); <see cref="RequestAuthenticator"/> validates with these options, no authentication middleware. Claims keep their JWT names (no WS-* mapping). Lifetimes are
/// checked against the wall clock (<see cref="TimeProvider.System"/>), never the app's business clock: advancing the
/// Development clock by days must not sign everyone out, and Entra stamps its tokens in real time anyway.
/// Entra app roles ("roles") and the configured org/MSC claims are normalized to role/org/msc.
/// </summary>
public sealed class JwtBearerSetup(
    IOptions<AuthOptions> authOptions,
    IHostEnvironment environment,
    IServiceProvider services) : IConfigureNamedOptions<JwtBearerOptions>
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    // Token lifetimes are wall-clock facts (see DevTokenIssuer); the app's TimeProvider may be the Development clock.
    private static readonly TimeProvider WallClock = TimeProvider.System;

    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme)
        {
            return;
        }

        var auth = authOptions.Value;
        options.MapInboundClaims = false;
        options.TimeProvider = WallClock;
        var parameters = new TokenValidationParameters
        {
            NameClaimType = ReferralClaims.Subject,
            RoleClaimType = ReferralClaims.Role,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateIssuerSigningKey = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            LifetimeValidator = ValidateLifetime,
        };

        if (auth.UsesDevIssuer(environment.IsDevelopment()))
        {
            parameters.ValidIssuer = ReferralClaims.DevIssuer;
            parameters.ValidAudience = ReferralClaims.DevAudience;
            parameters.IssuerSigningKey = services.GetRequiredService<DevSigningKey>().Key;
            options.RequireHttpsMetadata = false;
        }
        else
        {
            // The framework's JwtBearerPostConfigureOptions builds the OIDC configuration manager (issuer and
            // signing keys) from the authority; RequestAuthenticator normalizes the Entra claims.
            options.Authority = auth.Authority;
            parameters.ValidAudience = auth.Audience;
        }

        options.TokenValidationParameters = parameters;
        // Outside Development a 401 says only that the token is invalid (error="invalid_token"), not why: the
        // issuer, audience, signature or lifetime it failed on would guide whoever forges tokens.
        options.IncludeErrorDetails = environment.IsDevelopment();
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);

    private static bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token,
        TokenValidationParameters parameters)
    {
        var now = WallClock.GetUtcNow().UtcDateTime;
        return expires is { } end && now - ClockSkew < end && (notBefore is not { } start || start <= now + ClockSkew);
    }

    /// <summary>Entra carries app roles in "roles"; their values are the role names exactly (scout, advisor,
    /// coordinator), others are ignored. Org and MSC may come under configured names (e.g. directory extensions).
    /// </summary>
    internal static void NormalizeEntraClaims(ClaimsPrincipal? principal, AuthOptions auth)
    {
        if (principal is null)
        {
            return;
        }

        var added = new List<Claim>();
        if (!principal.HasClaim(c => c.Type == ReferralClaims.Role))
        {
            foreach (var appRole in principal.FindAll(ReferralClaims.EntraRoles))
            {
                if (RoleNames.TryParse(appRole.Value, out var role))
                {
                    added.Add(new Claim(ReferralClaims.Role, role.ToName()));
                }
            }
        }

        CopyClaim(principal, auth.OrgClaim, ReferralClaims.Organisation, added);
        CopyClaim(principal, auth.MscClaim, ReferralClaims.Msc, added);
        if (added.Count > 0)
        {
            principal.AddIdentity(new ClaimsIdentity(added));
        }
    }

    // Every value is copied, so a multi-valued claim stays multi-valued and Caller refuses it.
    private static void CopyClaim(ClaimsPrincipal principal, string from, string to, List<Claim> added)
    {
        if (from != to && !principal.HasClaim(c => c.Type == to))
        {
            added.AddRange(principal.FindAll(from).Select(claim => new Claim(to, claim.Value)));
        }
    }
}
