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
        var principal = Principal(("sub", "advisor-7"), ("roles", "advisor"), ("extn.msc", "nis"));

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
    [InlineData("Advisor")]
    [InlineData("ADVISOR")]
    [InlineData("advisor ")]
    public void An_Entra_app_role_must_match_a_role_name_exactly(string appRole)
    {
        var principal = Principal(("sub", "advisor-7"), ("roles", appRole), ("msc", "nis"));

        JwtBearerSetup.NormalizeEntraClaims(principal, new AuthOptions());

        Assert.False(principal.HasClaim(c => c.Type == "role"));
        Assert.False(Caller.TryFrom(principal, out _));
    }

    [Theory]
    [InlineData("extn.org", "caritas-nrw", "caritas-bayern")]
    [InlineData("extn.org", "caritas-nrw", "caritas-nrw")]
    public void A_multi_valued_Entra_org_claim_stays_multi_valued_and_resolves_no_caller(string claim, string first, string second)
    {
        var principal = Principal(("sub", "scout-7"), ("roles", "scout"), (claim, first), (claim, second));

        JwtBearerSetup.NormalizeEntraClaims(principal, new AuthOptions { OrgClaim = claim });

        Assert.Equal([first, second], principal.FindAll("org").Select(c => c.Value));
        Assert.False(Caller.TryFrom(principal, out _));
    }

    [Theory]
    [InlineData("COORDINATOR")]
    [InlineData("Coordinator")]
    [InlineData(" coordinator")]
    [InlineData("")]
    public void A_role_claim_must_match_a_role_name_exactly(string role)
    {
        Assert.True(Caller.TryFrom(Principal(("sub", "p-1"), ("role", "coordinator")), out _));
        Assert.False(Caller.TryFrom(Principal(("sub", "p-1"), ("role", role)), out _));
    }

    [Theory]
    [InlineData("scout", "org", "caritas-nrw", "caritas-bayern")]
    [InlineData("scout", "org", "caritas-nrw", "caritas-nrw")]
    [InlineData("advisor", "msc", "nis", "beograd")]
    [InlineData("coordinator", "org", "caritas-nrw", "caritas-bayern")]
    [InlineData("coordinator", "msc", "nis", "beograd")]
    [InlineData("coordinator", "sub", "coord-2", "coord-3")]
    public void A_multi_valued_subject_org_or_msc_resolves_no_caller(string role, string claim, string first, string second)
    {
        var single = new List<(string, string)> { ("role", role), (claim, first) };
        if (claim != "sub")
        {
            single.Add(("sub", "person-1"));
        }

        if (role == "scout" && claim != "org")
        {
            single.Add(("org", "caritas-nrw"));
        }

        if (role == "advisor" && claim != "msc")
        {
            single.Add(("msc", "nis"));
        }

        Assert.True(Caller.TryFrom(Principal([.. single]), out _));
        Assert.False(Caller.TryFrom(Principal([.. single, (claim, second)]), out _));
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
