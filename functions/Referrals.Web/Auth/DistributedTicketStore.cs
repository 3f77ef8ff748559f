using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Distributed;

namespace Referrals.Web.Auth;

/// <summary>
/// Keeps sessions on the server: the cookie holds only a random key. Signing out removes the entry, so a cookie
/// copied before sign-out opens nothing afterwards; the Development token stays on the server too. Over
/// <see cref="IDistributedCache"/> (in memory by default; Redis or SQL for several instances).
/// </summary>
public sealed class DistributedTicketStore(IDistributedCache cache, TimeProvider time) : ITicketStore
{
    private const string Prefix = "referrals.session:";

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await RenewAsync(key, ticket);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var options = new DistributedCacheEntryOptions
        {
            // Wall clock, like the cookie: the Development business clock never ends a session.
            AbsoluteExpiration = ticket.Properties.ExpiresUtc ?? time.GetUtcNow().AddHours(8),
        };
        return cache.SetAsync(Prefix + key, TicketSerializer.Default.Serialize(ticket), options);
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var bytes = await cache.GetAsync(Prefix + key);
        return bytes is null ? null : TicketSerializer.Default.Deserialize(bytes);
    }

    public Task RemoveAsync(string key) => cache.RemoveAsync(Prefix + key);
}
