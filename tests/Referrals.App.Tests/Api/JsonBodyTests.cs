using System.Text;
using Microsoft.AspNetCore.Http;
using Referrals.Contracts;
using Referrals.App.Api;
using Referrals.Domain.Model;

namespace Referrals.App.Tests.Api;

public sealed class JsonBodyTests
{
    public sealed record SamplePerson(string GivenName, Gender? Gender = null, string? Phone = null);

    public sealed record SampleRequest(SamplePerson? Person = null, IReadOnlyList<Priority>? Tags = null,
        DateOnly? Day = null, int? Count = null, DateTimeOffset? At = null);

    private static (string Key, string Message) ErrorOf(string json)
    {
        var result = JsonBody.Deserialize<SampleRequest>(Encoding.UTF8.GetBytes(json));
        Assert.Null(result.Value);
        var problem = Assert.IsType<HttpValidationProblemDetails>(result.Problem!.ProblemDetails);
        Assert.Equal(400, problem.Status);
        var (key, messages) = Assert.Single(problem.Errors);
        return (key, Assert.Single(messages));
    }

    [Fact]
    public void A_valid_body_is_read()
    {
        var result = JsonBody.Deserialize<SampleRequest>(
            """{"person":{"givenName":"Ana","gender":"female"},"tags":["urgent"],"day":"2026-12-10","count":2}"""u8);

        Assert.Null(result.Problem);
        Assert.Equal(Gender.Female, result.Value!.Person!.Gender);
        Assert.Equal(new DateOnly(2026, 12, 10), result.Value.Day);
    }

    [Theory]
    [InlineData("""{"person":{"givenName":"A","phone":123}}""", "person.phone", "Expected a string.")]
    [InlineData("""{"person":{"givenName":"A","gender":"robot"}}""", "person.gender", "Expected one of: female, male, other, undisclosed.")]
    [InlineData("""{"person":{"givenName":"A","gender":1}}""", "person.gender", "Expected one of: female, male, other, undisclosed.")]
    [InlineData("""{"tags":["normal","soon"]}""", "tags[1]", "Expected one of: emergency, urgent, normal.")]
    [InlineData("""{"day":"2026-13-01"}""", "day", "Expected a date (yyyy-MM-dd).")]
    [InlineData("""{"count":"5"}""", "count", "Expected a whole number.")]
    [InlineData("""{"count":5.5}""", "count", "Expected a whole number.")]
    [InlineData("""{"at":"yesterday"}""", "at", "Expected an instant in ISO 8601 with an offset (e.g. 2026-11-20T10:00:00Z).")]
    [InlineData("""{"tags":"urgent"}""", "tags", "Expected an array.")]
    [InlineData("""{"person":"Ana"}""", "person", "Expected an object.")]
    [InlineData("""{"person":{"givenName":null}}""", "person.givenName", "This field must not be null; expected a string.")]
    [InlineData("""{"colour":"red"}""", "colour", "This is not a known field.")]
    [InlineData("""{"person":{"givenName":"A","nickname":"B"}}""", "person.nickname", "This is not a known field.")]
    [InlineData("""{"count":1,"count":2}""", "count", "This field appears more than once.")]
    [InlineData("null", "$", "The body must be a JSON object, not null.")]
    [InlineData("[]", "$", "Expected an object.")]
    public void A_wrong_value_is_reported_at_its_path(string json, string key, string message)
    {
        Assert.Equal((key, message), ErrorOf(json));
    }

    [Theory]
    [InlineData("""{"person":{"givenName":"A",}}""")]
    [InlineData("""{"person":{"givenName":"A" """)]
    [InlineData("""{"count": 01}""")]
    [InlineData("""{"count": 1} // comment""")]
    [InlineData("""not json""")]
    public void Malformed_json_is_reported_with_line_and_position(string json)
    {
        var (_, message) = ErrorOf(json);

        Assert.StartsWith("The body is not well-formed JSON (line 1, byte ", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_inside_a_member_names_the_member()
    {
        var (key, _) = ErrorOf("""{"person":{"givenName":"A","phone":+49}}""");

        Assert.Equal("person.phone", key);
    }
}
