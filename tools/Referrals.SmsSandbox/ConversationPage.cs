using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Referrals.SmsSandbox;

/// <summary>GET / — each phone's conversation with statuses, and a form to answer as the returnee.</summary>
internal static class ConversationPage
{
    public static IEndpointRouteBuilder MapConversationPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", (string? notice, SandboxStore store) =>
            Results.Content(Render(store, notice), "text/html; charset=utf-8"));
        routes.MapPost("/sandbox/reply", ReplyAsync).DisableAntiforgery();
        return routes;
    }

    private static async Task<IResult> ReplyAsync(HttpRequest request, InboundRelay relay, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        var inbound = new SandboxInboundRequest(form["from"].ToString(), form["body"].ToString());
        var result = await SandboxControlApi.SendInboundAsync(inbound, relay, cancellationToken);
        var notice = result is IStatusCodeHttpResult { StatusCode: >= 300 } failed
            ? $"The reply was not delivered (HTTP {failed.StatusCode}); see GET /sandbox/config."
            : null;
        return Results.Redirect(notice is null ? "/" : "/?notice=" + Uri.EscapeDataString(notice));
    }

    private static string Render(SandboxStore store, string? notice)
    {
        var html = HtmlEncoder.Default;
        var page = new StringBuilder();
        page.Append("""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>SMS sandbox</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem;color:#222}
            section{border:1px solid #ccc;border-radius:.5rem;padding:1rem;margin-bottom:1.5rem}
            .msg{max-width:70%;padding:.5rem .75rem;border-radius:.75rem;margin:.4rem 0;white-space:pre-wrap}
            .out{background:#e8f0fe;margin-right:auto}.in{background:#e6f4ea;margin-left:auto}
            .meta{font-size:.75rem;color:#555}.notice{background:#fdecea;padding:.5rem;border-radius:.25rem}
            textarea{width:100%;height:3rem}
            </style></head><body>
            <h1>SMS sandbox</h1>
            <p><a href="/">Refresh</a> · JSON: <a href="/sandbox/messages">/sandbox/messages</a>,
            <a href="/sandbox/faults">/sandbox/faults</a>, <a href="/sandbox/config">/sandbox/config</a></p>
            """);
        if (notice is not null)
        {
            page.Append(CultureInfo.InvariantCulture, $"<p class=\"notice\">{html.Encode(notice)}</p>");
        }

        var conversations = store.List(_ => true)
            .GroupBy(m => m.Direction == SandboxDirections.Inbound ? m.From ?? "" : m.To, StringComparer.Ordinal)
            .ToList();
        if (conversations.Count == 0)
        {
            page.Append("<p>No messages yet.</p>");
        }

        foreach (var conversation in conversations)
        {
            var phone = html.Encode(conversation.Key);
            page.Append(CultureInfo.InvariantCulture, $"<section id=\"{phone}\"><h2>{phone}</h2>");
            foreach (var message in conversation)
            {
                var inbound = message.Direction == SandboxDirections.Inbound;
                var error = message.ErrorCode is int code ? $" · error {code}" : "";
                var callbacks = string.Join(", ", message.Callbacks.Select(c =>
                    $"{c.Status}→{(c.HttpStatus?.ToString(CultureInfo.InvariantCulture) ?? "unreachable")}"));
                page.Append(CultureInfo.InvariantCulture, $"""
                    <div class="msg {(inbound ? "in" : "out")}">{html.Encode(message.Body)}
                    <div class="meta">{(inbound ? "from the returnee" : "to the returnee")} · {html.Encode(message.Status)}{error}
                    · {message.NumSegments} segment(s), {message.Encoding} · {message.DateCreated:yyyy-MM-dd HH:mm:ss}Z
                    {(callbacks.Length > 0 ? " · callbacks " + html.Encode(callbacks) : "")}</div></div>
                    """);
            }

            page.Append(CultureInfo.InvariantCulture, $"""
                <form method="post" action="/sandbox/reply">
                <input type="hidden" name="from" value="{phone}">
                <label>Reply as {phone}<textarea name="body" required></textarea></label>
                <button type="submit">Send</button></form></section>
                """);
        }

        page.Append("</body></html>");
        return page.ToString();
    }
}
