namespace Referrals.Web.Hosting;

/// <summary>
/// Headers on every response: a strict Content-Security-Policy (the pages use no script and no inline style, so
/// nothing needs a nonce), no MIME sniffing, no referrer (referral URLs carry ids), and no framing.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy; <paramref name="signInOrigin"/> (Entra) is allowed as a form target because signing out
    /// posts and is then redirected there.</summary>
    public static string ContentSecurityPolicy(string? signInOrigin) =>
        "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'; "
        + $"form-action 'self'{(signInOrigin is null ? string.Empty : " " + signInOrigin)}";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string? signInOrigin)
    {
        var policy = ContentSecurityPolicy(signInOrigin);
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
