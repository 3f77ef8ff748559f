using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Referrals.Web.Auth;
using Referrals.Web.Hosting;

namespace Referrals.WebApp.Units.Tests;

public sealed class SessionAndHeadersTests
{
    private static DistributedTicketStore Store() =>
        new(new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())), TimeProvider.System);

    private static AuthenticationTicket Ticket(string token)
    {
        var identity = new ClaimsIdentity([new Claim(WebAuth.SubjectClaim, "advisor-1"), new Claim(WebAuth.RoleClaim, "advisor")], WebAuth.CookieScheme);
        var properties = new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddHours(1) };
        properties.StoreTokens([new AuthenticationToken { Name = WebAuth.AccessTokenName, Value = token }]);
        return new AuthenticationTicket(new ClaimsPrincipal(identity), properties, WebAuth.CookieScheme);
    }

    [Fact]
    public async Task A_session_is_found_by_its_key_with_its_token_until_it_is_removed()
    {
        var store = Store();
        var key = await store.StoreAsync(Ticket("secret-token"));

        var found = await store.RetrieveAsync(key);
        Assert.Equal("secret-token", found!.Properties.GetTokenValue(WebAuth.AccessTokenName));
        Assert.True(ApiCallerView.TryFrom(found.Principal, out var caller));
        Assert.Equal("advisor-1", caller.Subject);

        await store.RemoveAsync(key);
        Assert.Null(await store.RetrieveAsync(key));
    }

    [Fact]
    public async Task Session_keys_are_long_and_random()
    {
        var store = Store();
        var first = await store.StoreAsync(Ticket("a"));
        var second = await store.StoreAsync(Ticket("a"));

        Assert.NotEqual(first, second);
        Assert.True(first.Length >= 64);
    }

    [Fact]
    public void The_content_security_policy_allows_only_the_app_itself_and_no_framing()
    {
        var policy = SecurityHeaders.ContentSecurityPolicy(null);

        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Contains("form-action 'self' https://login.microsoftonline.com",
            SecurityHeaders.ContentSecurityPolicy("https://login.microsoftonline.com"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_development_clock_reading_advances_with_the_wall_clock_until_it_is_stale()
    {
        var cache = new DevClockCache();
        var wall = new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);
        var business = wall.AddDays(10);
        cache.Set(business, wall);

        Assert.True(cache.TryGet(wall.AddSeconds(1), TimeSpan.FromSeconds(2), out var now));
        Assert.Equal(business.AddSeconds(1), now);
        Assert.False(cache.TryGet(wall.AddSeconds(3), TimeSpan.FromSeconds(2), out _));
    }
}
