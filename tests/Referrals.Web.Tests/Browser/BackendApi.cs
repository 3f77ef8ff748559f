using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Referrals.Testing;

namespace Referrals.Web.Tests.Browser;

/// <summary>The backend's public HTTP API as the tests use it to arrange data and check outcomes: Development tokens,
/// the Development clock, submitting and reading referrals. Nothing here reaches into the backend's process.</summary>
public sealed class BackendApi(Uri baseUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };

    public Uri BaseUrl => baseUrl;

    /// <summary>A Development token (<c>POST /dev/token</c>).</summary>
    public async Task<string> TokenAsync(string role, string subject, string? organisation = null, string? msc = null)
    {
        using var response = await _http.PostAsJsonAsync("/dev/token", new { role, subject, org = organisation, msc });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>Business time (<c>GET /dev/clock</c>).</summary>
    public async Task<DateTimeOffset> NowAsync()
    {
        using var body = JsonDocument.Parse(await _http.GetStringAsync("/dev/clock"));
        return body.RootElement.GetProperty("now").GetDateTimeOffset();
    }

    /// <summary>Business "today" in UTC.</summary>
    public async Task<DateOnly> TodayAsync() => DateOnly.FromDateTime((await NowAsync()).UtcDateTime);

    /// <summary><c>POST /dev/clock/advance {"by": by}</c>.</summary>
    public async Task AdvanceClockAsync(string by)
    {
        using var response = await _http.PostAsJsonAsync("/dev/clock/advance", new { by });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Submits a referral to the MSC of <paramref name="municipality"/> as a scout of
    /// <paramref name="organisation"/>; returns its id.</summary>
    public async Task<string> SubmitAsync(string organisation, string familyName, string municipality = "Niš")
    {
        var token = await TokenAsync("scout", $"scout-{organisation}", organisation: organisation);
        var today = await TodayAsync();
        var body = new
        {
            returnee = new
            {
                givenName = "Test",
                familyName,
                dateOfBirth = "1988-04-12",
                gender = "male",
                phone = SmsSandboxFixture.UniquePhone(),
                email = (string?)null,
                preferredLanguage = "sr-Latn",
            },
            household = new { adults = 2, minors = 1 },
            expectedReturnDate = today.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            arrivalPoint = "BEG",
            municipality,
            needs = new[] { "employment", "documents" },
            vulnerabilities = Array.Empty<string>(),
            priority = "normal",
            consent = new
            {
                dataSharing = true,
                sms = true,
                obtainedAt = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                method = "signedForm",
                textVersion = "2026-1",
            },
            notes = "Fictional test referral.",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/referrals") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Submitting failed: {(int)response.StatusCode} {text}");
        }

        using var submitted = JsonDocument.Parse(text);
        return submitted.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary><c>GET /api/referrals/{id}</c> as <paramref name="token"/>: the status code and the body.</summary>
    public async Task<(int Status, JsonElement Body)> GetReferralAsync(string token, string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/referrals/{Uri.EscapeDataString(id)}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(string.IsNullOrEmpty(text) ? "{}" : text);
        return ((int)response.StatusCode, document.RootElement.Clone());
    }

    /// <summary>The ids on the first page of <c>GET /api/referrals{query}</c> as <paramref name="token"/>.</summary>
    public async Task<IReadOnlyList<string>> ListIdsAsync(string token, string query = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/referrals" + query);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. document.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];
    }

    /// <summary>Sends a request as it is (for timing the API itself).</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _http.SendAsync(request);

    public void Dispose() => _http.Dispose();
}

/// <summary>Waiting on a condition with a deadline (read models and emails follow a command shortly after).</summary>
public static class Eventually
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} did not happen within {timeout}.");
            }

            await Task.Delay(100);
        }
    }
}
