using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Referrals.App.Tests.Api;

/// <summary>Submit bodies as API.md shows them, with dates relative to the app's clock.</summary>
internal static class SubmitBodies
{
    public const string GivenName = "Marko";
    public const string FamilyName = "Jovanović";
    public const string Phone = "+4915112345678";
    public const string DateOfBirth = "1988-04-12";
    public const string Notes = "Needs help with the school enrolment of three children.";

    public static JsonObject Valid(TimeProvider time, string municipality = "Niš")
    {
        var now = time.GetUtcNow();
        return new JsonObject
        {
            ["returnee"] = new JsonObject
            {
                ["givenName"] = GivenName,
                ["familyName"] = FamilyName,
                ["dateOfBirth"] = DateOfBirth,
                ["gender"] = "male",
                ["phone"] = Phone,
                ["email"] = null,
                ["preferredLanguage"] = "sr-Latn",
            },
            ["household"] = new JsonObject { ["adults"] = 2, ["minors"] = 3 },
            ["expectedReturnDate"] = DateOnly.FromDateTime(now.AddDays(30).UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["arrivalPoint"] = "BEG",
            ["municipality"] = municipality,
            ["needs"] = new JsonArray("employment", "documents", "education"),
            ["vulnerabilities"] = new JsonArray(),
            ["priority"] = "normal",
            ["consent"] = new JsonObject
            {
                ["dataSharing"] = true,
                ["sms"] = true,
                ["obtainedAt"] = now.AddDays(-1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["method"] = "signedForm",
                ["textVersion"] = "2026-1",
            },
            ["notes"] = Notes,
        };
    }

    public static HttpRequestMessage Post(string json, string? idempotencyKey, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/referrals")
        {
            Content = new StringContent(json, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    public static string NewKey() => "key-" + Guid.NewGuid().ToString("N");
}
