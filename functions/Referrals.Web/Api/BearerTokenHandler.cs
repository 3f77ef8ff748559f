using System.Net.Http.Headers;

namespace Referrals.Web.Api;

/// <summary>Adds the signed-in person's access token to calls under <c>/api</c> (the <c>/dev</c> routes take none).</summary>
/// <remarks>Handlers live in the client factory's own scope, so the request's services are reached through
/// <see cref="IHttpContextAccessor"/>, never injected as scoped services.</remarks>
public sealed class BearerTokenHandler(IHttpContextAccessor accessor, IAccessTokenSource tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (accessor.HttpContext is { } context && request.RequestUri?.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal) == true
            && await tokens.GetAsync(context, cancellationToken) is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}

/// <summary>Where the person's API token comes from: the session (Development sign-in) or MSAL (Entra).</summary>
public interface IAccessTokenSource
{
    Task<string?> GetAsync(HttpContext context, CancellationToken cancellationToken);
}

/// <summary>A token being used before the session exists (during sign-in), kept on the request only.</summary>
public static class PendingAccessToken
{
    private const string Key = "referrals.pending-token";

    public static void Set(HttpContext context, string token)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[Key] = token;
    }

    public static string? Get(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(Key, out var value) ? value as string : null;
    }
}
