using System.Globalization;
using System.Text.Json;
using Xunit;

namespace Referrals.Testing;

/// <summary>
/// A real MailDev 2.2.1 (npm, pinned in package.json) on free SMTP and web ports, read through its REST API.
/// <see cref="StopAsync"/> and <see cref="StartAsync"/> keep the ports, so a test can take SMTP down and bring it back.
/// </summary>
public sealed class MailDevFixture : IAsyncLifetime
{
    private readonly HttpClient _http;
    private ExternalProcess? _process;

    public MailDevFixture()
    {
        SmtpPort = FreePort.Next();
        WebPort = FreePort.Next();
        _http = new HttpClient { BaseAddress = WebUrl };
    }

    public int SmtpPort { get; }

    public int WebPort { get; }

    public Uri WebUrl => new($"http://127.0.0.1:{WebPort}/");

    public async Task InitializeAsync() => await StartAsync();

    public async Task StartAsync()
    {
        _process = ExternalProcess.Start(RepositoryPaths.NodeBin("maildev"),
        [
            "--smtp", SmtpPort.ToString(CultureInfo.InvariantCulture),
            "--web", WebPort.ToString(CultureInfo.InvariantCulture),
            "--ip", "127.0.0.1",
            "--silent",
        ]);
        await _process.WaitForPortAsync(SmtpPort, TimeSpan.FromSeconds(30));
        await _process.WaitForPortAsync(WebPort, TimeSpan.FromSeconds(30));
    }

    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }

    /// <summary>Every caught email, oldest first (GET /email).</summary>
    public async Task<IReadOnlyList<MailDevEmail>> GetEmailsAsync(CancellationToken cancellationToken = default)
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync(new Uri("email", UriKind.Relative), cancellationToken));
        return document.RootElement.EnumerateArray().Select(MailDevEmail.Parse).ToList();
    }

    /// <summary>Polls until <paramref name="count"/> emails have arrived, failing with what did arrive after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<MailDevEmail>> WaitForEmailsAsync(int count, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var emails = await GetEmailsAsync(cancellationToken);
            if (emails.Count >= count)
            {
                return emails;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Expected {count} emails in MailDev, found {emails.Count} after {timeout}.");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Deletes every caught email (DELETE /email/all).</summary>
    public async Task DeleteAllAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _http.DeleteAsync(new Uri("email/all", UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        _http.Dispose();
    }
}

/// <summary>One email as MailDev's REST API shows it; <see cref="EnvelopeTo"/> holds every RCPT TO (Cc included).</summary>
public sealed record MailDevEmail(
    string Id,
    string Subject,
    IReadOnlyList<string> From,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    IReadOnlyList<string> EnvelopeTo,
    string Html,
    string Text,
    IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;

    internal static MailDevEmail Parse(JsonElement email) => new(
        email.GetProperty("id").GetString() ?? string.Empty,
        String(email, "subject"),
        Addresses(email, "from"),
        Addresses(email, "to"),
        Addresses(email, "cc"),
        email.TryGetProperty("envelope", out var envelope) ? Addresses(envelope, "to") : [],
        String(email, "html"),
        String(email, "text"),
        email.TryGetProperty("headers", out var headers) && headers.ValueKind == JsonValueKind.Object
            ? headers.EnumerateObject().ToDictionary(
                h => h.Name.ToLowerInvariant(),
                h => h.Value.ValueKind == JsonValueKind.String ? h.Value.GetString()! : h.Value.GetRawText())
            : new Dictionary<string, string>());

    private static string String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;

    private static List<string> Addresses(JsonElement element, string name) =>
        element.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(a => String(a, "address")).ToList()
            : [];
}
