using System.Net;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;
using Referrals.Web.Api;
using Referrals.Web.Localization;
using Referrals.Web.Services;

namespace Referrals.WebApp.Units.Tests;

public sealed class ApiProblemTests
{
    private static async Task<ApiException> ProblemAsync(HttpStatusCode status, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("http://api.test/api/referrals"));
        using var response = new HttpResponseMessage(status)
        {
            RequestMessage = request,
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/problem+json"),
        };
        return await ApiException.Create(request, HttpMethod.Post, response, new RefitSettings());
    }

    [Fact]
    public async Task A_validation_problem_gives_its_field_errors_by_json_path()
    {
        var exception = await ProblemAsync(HttpStatusCode.BadRequest,
            """{"type":"about:blank","title":"Invalid","status":400,"errors":{"returnee.phone":["Not a mobile number."],"needs[1]":["Required."]}}""");

        var problem = ApiFailures.Problem(exception);

        Assert.Equal(400, problem.Status);
        Assert.Equal(["Not a mobile number."], problem.Errors["returnee.phone"]);
        Assert.Equal(["Required."], problem.Errors["needs[1]"]);
    }

    [Fact]
    public async Task Field_errors_land_next_to_their_fields_and_the_rest_in_the_summary()
    {
        var exception = await ProblemAsync(HttpStatusCode.BadRequest,
            """{"status":400,"errors":{"returnee.phone":["Not a mobile number."],"needs[2]":["Required."],"somethingElse":["Odd."]}}""");
        var modelState = new ModelStateDictionary();

        FormErrors.Apply(modelState, "Form", ApiFailures.Problem(exception), new UiText());

        Assert.Equal("Not a mobile number.", Assert.Single(modelState["Form.Phone"]!.Errors).ErrorMessage);
        Assert.Single(modelState["Form.Needs"]!.Errors);
        Assert.Equal("Odd.", Assert.Single(modelState[string.Empty]!.Errors).ErrorMessage);
    }

    [Fact]
    public async Task A_field_the_binder_already_rejected_keeps_the_binder_message_only()
    {
        var exception = await ProblemAsync(HttpStatusCode.BadRequest, """{"status":400,"errors":{"returnee.dateOfBirth":["Required."]}}""");
        var modelState = new ModelStateDictionary();
        modelState.AddModelError("Form.DateOfBirth", "Not a date.");

        FormErrors.Apply(modelState, "Form", ApiFailures.Problem(exception), new UiText());

        Assert.Equal("Not a date.", Assert.Single(modelState["Form.DateOfBirth"]!.Errors).ErrorMessage);
    }

    [Fact]
    public async Task A_conflict_says_why_on_the_referral_page()
    {
        var exception = await ProblemAsync(HttpStatusCode.Conflict,
            """{"status":409,"title":"Conflict","detail":"The referral is already acknowledged."}""");

        var shown = ProblemText.ForAction(ApiFailures.Problem(exception), new UiText());

        Assert.EndsWith("The referral is already acknowledged.", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_a_problem_still_gives_its_status()
    {
        var exception = await ProblemAsync(HttpStatusCode.BadGateway, "<html>proxy error</html>");

        var problem = ApiFailures.Problem(exception);

        Assert.Equal(502, problem.Status);
        Assert.Empty(problem.Errors);
    }

    [Fact]
    public async Task Unavailable_means_not_reached_timed_out_shedding_or_failing_never_a_refusal()
    {
        Assert.True(ApiFailures.IsUnavailable(new HttpRequestException("refused")));
        Assert.True(ApiFailures.IsUnavailable(new TimeoutRejectedException()));
        Assert.True(ApiFailures.IsUnavailable(new BrokenCircuitException()));
        Assert.True(ApiFailures.IsUnavailable(new TaskCanceledException()));
        Assert.True(ApiFailures.IsUnavailable(await ProblemAsync(HttpStatusCode.ServiceUnavailable, "{}")));
        Assert.False(ApiFailures.IsUnavailable(await ProblemAsync(HttpStatusCode.BadRequest, "{}")));
        Assert.False(ApiFailures.IsUnavailable(await ProblemAsync(HttpStatusCode.Conflict, "{}")));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("http://api.test/api/referrals"));
        Assert.True(ApiFailures.IsUnavailable(new ApiRequestException(request, HttpMethod.Get, new RefitSettings(),
            new HttpRequestException("Connection refused"))));
        Assert.Null(ApiFailures.StatusOf(new ApiRequestException(request, HttpMethod.Get, new RefitSettings(), new HttpRequestException("x"))));
        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();
        Assert.False(ApiFailures.IsUnavailable(new OperationCanceledException(aborted.Token), aborted.Token));
    }
}
