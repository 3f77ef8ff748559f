using System.Security.Claims;
using Referrals.Contracts;
using Referrals.App.Security;
using Referrals.Domain.Model;

namespace Referrals.App.Tests.Api;

public sealed class EntraClaimsTests
{
    private static ClaimsPrincipal Principal(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "Bearer"));

    [Fact]
    public void An_Entra_app_role_becomes_the_role_claim_and_resolves_the_caller()
    {
        var principal = Principal(("sub", "advisor-7"), ("roles", "Advisor"), ("extn.msc", "nis"));

        JwtBearerSetup.NormalizeEntraClaims(principal, new AuthOptions { MscClaim = "extn.msc" });

        Assert.True(Caller.TryFrom(principal, out var caller));
        Assert.Equal(new Caller("advisor-7", Role.Advisor, null, "nis"), caller);
    }

    [Fact]
    public void Unknown_app_roles_are_ignored_so_the_token_grants_nothing()
    {
        var principal = Principal(("sub", "x-1"), ("roles", "Referrals.Admin"));

        JwtBearerSetup.NormalizeEntraClaims(principal, new AuthOptions());

        Assert.False(Caller.TryFrom(principal, out _));
    }

    [Theory]
    [InlineData("scout", null, null, false)]
    [InlineData("scout", "caritas-nrw", null, true)]
    [InlineData("advisor", null, null, false)]
    [InlineData("advisor", null, "nis", true)]
    [InlineData("coordinator", null, null, true)]
    [InlineData("admin", null, null, false)]
    public void A_caller_needs_the_scope_claim_of_its_role(string role, string? org, string? msc, bool resolves)
    {
        var claims = new List<(string, string)> { ("sub", "person-1"), ("role", role) };
        if (org is not null)
        {
            claims.Add(("org", org));
        }

        if (msc is not null)
        {
            claims.Add(("msc", msc));
        }

        Assert.Equal(resolves, Caller.TryFrom(Principal([.. claims]), out _));
    }

    [Fact]
    public void Two_different_roles_resolve_no_caller()
    {
        Assert.False(Caller.TryFrom(Principal(("sub", "p-1"), ("role", "coordinator"), ("role", "advisor"), ("msc", "nis")), out _));
    }
}
