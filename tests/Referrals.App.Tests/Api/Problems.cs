using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Referrals.App.Tests.Api;

/// <summary>Assertions on RFC 9457 problem responses.</summary>
internal static class Problems
{
    public static async Task<JsonElement> AssertAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }

    public static async Task<JsonElement> AssertValidationAsync(HttpResponseMessage response, string errorKey)
    {
        var problem = await AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(errorKey, out var messages),
            $"errors lacks '{errorKey}': {problem}");
        Assert.NotEqual(0, messages.GetArrayLength());
        return problem;
    }
}
