using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Referrals.Testing;

namespace Referrals.Benchmarks;

/// <summary>
/// Phase B: referrals end to end over the app's HTTP contract only (<c>POST /dev/token</c>, <c>GET /dev/clock</c>,
/// <c>POST /dev/clock/advance</c>, <c>POST /api/referrals</c>), observed where the outside world sees them: the
/// first SMS accepted by the sandbox (its own receipt time) and the MSC's new-referral email in MailDev (when a
/// 50 ms poll first sees it). Fails with <see cref="ReferralPhaseException"/>, never waits past the deadline.
/// </summary>
internal sealed class ReferralPhase(Uri baseUrl, SmsSandboxFixture sms, MailDevFixture mail, TimeSpan deadline)
{

    private readonly List<(string Text, DateTimeOffset SeenAt)> _newReferralEmails = [];
    private int _emailsSeen;

    /// <summary>Submits <paramref name="count"/> referrals at once (bounded by <paramref name="concurrency"/>), or
    /// one every <paramref name="interval"/> (open loop: the next does not wait for the previous one's messages), and
    /// waits for every one's first SMS and email.</summary>
    public async Task<ReferralRun> RunAsync(string prefix, int count, int concurrency, CancellationToken cancellationToken,
        TimeSpan? interval = null)
    {
        using var scout = await ClientForAsync(cancellationToken);
        var today = await MoveClockToDaytimeAsync(scout, cancellationToken);

        var referrals = new Submitted[count];
        var started = DateTimeOffset.UtcNow;
        if (interval is { } pace)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                var due = pace * i - clock.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, cancellationToken);
                }

                referrals[i] = await SubmitAsync(scout, today, Key(prefix, i), cancellationToken);
            }
        }
        else
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (i, token) =>
                referrals[i] = await SubmitAsync(scout, today, Key(prefix, i), token));
        }

        var submitted = Stopwatch.StartNew();

        using var observers = new HttpClient();
        var pending = referrals.ToList();
        var smsAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var emailAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        while (true)
        {
            await ObserveSmsAsync(pending, smsAt, cancellationToken);
            await ObserveEmailAsync(observers, pending, emailAt, cancellationToken);
            pending.RemoveAll(r => smsAt.ContainsKey(r.Id) && emailAt.ContainsKey(r.Id));
            if (pending.Count == 0)
            {
                break;
            }

            if (submitted.Elapsed > deadline)
            {
                var noSms = referrals.Count(r => !smsAt.ContainsKey(r.Id));
                var noEmail = referrals.Count(r => !emailAt.ContainsKey(r.Id));
                throw new ReferralPhaseException(
                    $"{pending.Count} of {count} referrals were not done {deadline.TotalSeconds:0} s after the last submit: " +
                    $"{noSms} without an SMS accepted by the sandbox, {noEmail} without the new-referral email in MailDev " +
                    $"(first pending: {pending[0].Id}). The submits were accepted (201): the app did not get these messages out in time.");
            }

            await Task.Delay(50, cancellationToken);
        }

        var latencies = referrals.Select(r => (smsAt[r.Id] - r.SubmittedAt).TotalMilliseconds).Order().ToList();
        var done = referrals.Max(r => smsAt[r.Id] > emailAt[r.Id] ? smsAt[r.Id] : emailAt[r.Id]);
        return new ReferralRun(count, done - started, latencies);
    }

    private async Task<HttpClient> ClientForAsync(CancellationToken cancellationToken)
    {
        var client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await client.PostAsJsonAsync("/dev/token",
            new { role = "scout", subject = "scout-bench", org = EngineSystem.ScoutOrganisation }, cancellationToken);
        await EnsureAsync(response, "POST /dev/token", cancellationToken);
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))?["accessToken"]?.GetValue<string>()
            ?? throw new ReferralPhaseException("POST /dev/token answered without an accessToken.");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Unless it is already working hours in Berlin (where the returnees' numbers are), moves the app's clock
    /// to the next 10:00 there, outside SMS quiet hours; answers the app's time then. A batch right after another
    /// does not move it again, which would make the earlier batch's deadlines due during the measurement.</summary>
    private static async Task<DateTimeOffset> MoveClockToDaytimeAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var now = await ReadClockAsync(client, cancellationToken);
        var seconds = (long)BerlinDaytime.OffsetFrom(now).TotalSeconds;
        if (seconds == 0)
        {
            return now;
        }

        using var response = await client.PostAsJsonAsync("/dev/clock/advance",
            new { by = string.Create(CultureInfo.InvariantCulture, $"PT{seconds / 3600}H{seconds / 60 % 60}M{seconds % 60}S") },
            cancellationToken);
        await EnsureAsync(response, "POST /dev/clock/advance", cancellationToken);
        return await ReadClockAsync(client, cancellationToken);
    }

    private static async Task<DateTimeOffset> ReadClockAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri("/dev/clock", UriKind.Relative), cancellationToken);
        await EnsureAsync(response, "GET /dev/clock", cancellationToken);
        var reading = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return reading?["now"]?.GetValue<DateTimeOffset>()
            ?? throw new ReferralPhaseException("GET /dev/clock answered without \"now\".");
    }

    private static async Task<Submitted> SubmitAsync(HttpClient scout, DateTimeOffset today, string key, CancellationToken cancellationToken)
    {
        var phone = SmsSandboxFixture.UniquePhone();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/referrals")
        {
            Content = new StringContent(Body(today, phone), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key);
        var at = DateTimeOffset.UtcNow;
        using var response = await scout.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            await EnsureAsync(response, "POST /api/referrals", cancellationToken, expected: "201");
        }

        var created = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        var id = created?["id"]?.GetValue<string>()
            ?? response.Headers.Location?.OriginalString.Split('/')[^1]
            ?? throw new ReferralPhaseException("POST /api/referrals answered 201 without an id or Location.");
        return new Submitted(id, phone, at);
    }

    /// <summary>Each pending referral's first outbound SMS, by the sandbox's own receipt time.</summary>
    private async Task ObserveSmsAsync(List<Submitted> pending, Dictionary<string, DateTimeOffset> smsAt, CancellationToken cancellationToken)
    {
        if (pending.All(r => smsAt.ContainsKey(r.Id)))
        {
            return;
        }

        var first = (await sms.GetMessagesAsync(cancellationToken: cancellationToken))
            .Where(m => m.Direction == "outbound-api")
            .GroupBy(m => m.To, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(m => m.DateCreated), StringComparer.Ordinal);
        foreach (var referral in pending)
        {
            if (first.TryGetValue(referral.Phone, out var at))
            {
                smsAt.TryAdd(referral.Id, at);
            }
        }
    }

    /// <summary>Each pending referral's new-referral email, by when this poll first saw it. MailDev keeps no receipt
    /// time (its "time" is the message's Date header, the app's moved clock), so only emails not yet seen are
    /// fetched (<c>?skip=</c>), which keeps each 50 ms poll cheap.</summary>
    private async Task ObserveEmailAsync(HttpClient http, List<Submitted> pending, Dictionary<string, DateTimeOffset> emailAt,
        CancellationToken cancellationToken)
    {
        var url = new Uri(mail.WebUrl, string.Create(CultureInfo.InvariantCulture, $"email?skip={_emailsSeen}"));
        using var document = JsonDocument.Parse(await http.GetStringAsync(url, cancellationToken));
        var observed = DateTimeOffset.UtcNow;
        foreach (var email in document.RootElement.EnumerateArray())
        {
            _emailsSeen++;
            if (email.TryGetProperty("headers", out var headers) && headers.ValueKind == JsonValueKind.Object
                && headers.EnumerateObject().Any(h => h.Name.Equals("x-referrals-kind", StringComparison.OrdinalIgnoreCase)
                    && h.Value.ValueKind == JsonValueKind.String && h.Value.GetString() == "newReferral"))
            {
                _newReferralEmails.Add((email.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "", observed));
            }
        }

        foreach (var referral in pending.Where(r => !emailAt.ContainsKey(r.Id)))
        {
            foreach (var (text, at) in _newReferralEmails)
            {
                if (text.Contains(referral.Id, StringComparison.Ordinal))
                {
                    emailAt.TryAdd(referral.Id, at);
                    break;
                }
            }
        }
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken,
        string expected = "2xx")
    {
        if (response.IsSuccessStatusCode && expected == "2xx")
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var hint = response.StatusCode == HttpStatusCode.NotFound
            ? " The local host does not serve it: the Functions app has no HTTP function for this route yet."
            : "";
        throw new ReferralPhaseException(
            $"{what} answered {(int)response.StatusCode} (expected {expected}).{hint} Body: {body[..Math.Min(body.Length, 300)]}");
    }

    /// <summary>A valid submission as API.md shows it (fictional returnee), dated by the app's clock, with the
    /// given phone so its SMS can be told apart.</summary>
    private static string Body(DateTimeOffset today, string phone) => new JsonObject
    {
        ["returnee"] = new JsonObject
        {
            ["givenName"] = "Milan",
            ["familyName"] = "Primerović",
            ["dateOfBirth"] = "1985-06-15",
            ["gender"] = "male",
            ["phone"] = phone,
            ["preferredLanguage"] = "sr-Latn",
        },
        ["household"] = new JsonObject { ["adults"] = 1, ["minors"] = 2 },
        ["expectedReturnDate"] = today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["arrivalPoint"] = "BEG",
        ["municipality"] = "Niš",
        ["needs"] = new JsonArray("employment", "documents"),
        ["vulnerabilities"] = new JsonArray(),
        ["priority"] = "normal",
        ["consent"] = new JsonObject
        {
            ["dataSharing"] = true,
            ["sms"] = true,
            ["obtainedAt"] = today.AddDays(-1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["method"] = "signedForm",
            ["textVersion"] = "2026-1",
        },
        ["notes"] = "Benchmark referral.",
    }.ToJsonString();

    // Idempotency keys are 8-128 letters, digits and '-'; one per referral, so each submit creates one.
    private static string Key(string prefix, int i) => string.Create(CultureInfo.InvariantCulture, $"bench-{prefix}-{i:D6}");

    private sealed record Submitted(string Id, string Phone, DateTimeOffset SubmittedAt);
}

/// <summary>What one batch of referrals measured: how long all took (first submit to last SMS or email) and each
/// one's submit-to-first-SMS latency in ms, sorted.</summary>
internal sealed record ReferralRun(int Count, TimeSpan Elapsed, IReadOnlyList<double> SubmitToSmsMs);

/// <summary>Phase B could not complete; the message says what is missing.</summary>
internal sealed class ReferralPhaseException(string message) : Exception(message);
