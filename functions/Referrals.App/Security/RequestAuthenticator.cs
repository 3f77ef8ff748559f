using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Net.Http.Headers;
using Referrals.Contracts;

namespace Referrals.App.Security;

/// <summary>The outcome of <see cref="RequestAuthenticator.RequireAsync"/>: the caller, or the problem to answer.</summary>
public readonly record struct Access(Caller? Caller, ProblemHttpResult? Denied)
{
    /// <summary>True with the caller when the request may proceed; otherwise false with the 401 or 403 to return.</summary>
    public bool IsAllowed(out Caller caller, out ProblemHttpResult denied)
    {
        caller = Caller!;
        denied = Denied!;
        return Denied is null;
    }
}

/// <summary>
/// Authentication and the role check as a plain call at the top of each endpoint, because the Functions isolated
/// worker runs no authentication, authorization or endpoint-filter middleware; the same code runs in both hosts.
/// Validates the bearer token with the <see cref="JwtBearerOptions"/> that <see cref="JwtBearerSetup"/> configures
/// (issuer, audience, keys via the OIDC configuration manager, wall-clock lifetimes) and answers as the JWT bearer
/// handler did: 401 with its WWW-Authenticate challenge, 403 for a valid token without a usable caller or role.
/// </summary>
public sealed partial class RequestAuthenticator(
    IOptionsMonitor<JwtBearerOptions> bearerOptions,
    IOptions<AuthOptions> authOptions,
    IHostEnvironment environment,
    ILogger<RequestAuthenticator> logger)
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>The caller when the request carries a valid token resolving to a caller in one of
    /// <paramref name="allowed"/>; otherwise the 401 (its challenge header set on the response) or 403.</summary>
    public async Task<Access> RequireAsync(HttpRequest request, IReadOnlySet<Role> allowed,
        CancellationToken cancellationToken = default)
    {
        var (principal, failure) = await AuthenticateAsync(request, cancellationToken);
        if (principal is null)
        {
            return new Access(null, Challenge(request.HttpContext.Response, failure));
        }

        // A valid token that grants nothing, or not this: 403 without detail, as the authorization policies gave.
        return Caller.TryFrom(principal, out var caller) && allowed.Contains(caller.Role)
            ? new Access(caller, null)
            : new Access(null, TypedResults.Problem(new ProblemDetails { Status = StatusCodes.Status403Forbidden }));
    }

    /// <summary>The validated principal, or null with the validation failure (null when no token was sent).</summary>
    private async Task<(ClaimsPrincipal? Principal, Exception? Failure)> AuthenticateAsync(HttpRequest request,
        CancellationToken cancellationToken)
    {
        string authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            || authorization[BearerPrefix.Length..].Trim() is not { Length: > 0 } token)
        {
            return (null, null);
        }

        var options = bearerOptions.Get(JwtBearerDefaults.AuthenticationScheme);
        var parameters = await ParametersAsync(options, cancellationToken);
        List<Exception>? failures = null;
        foreach (var handler in options.TokenHandlers)
        {
            try
            {
                var result = await handler.ValidateTokenAsync(token, parameters);
                if (result.IsValid)
                {
                    var principal = new ClaimsPrincipal(result.ClaimsIdentity);
                    if (!authOptions.Value.UsesDevIssuer(environment.IsDevelopment()))
                    {
                        JwtBearerSetup.NormalizeEntraClaims(principal, authOptions.Value);
                    }

                    return (principal, null);
                }

                (failures ??= []).Add(Recorded(options, result.Exception
                    ?? new SecurityTokenValidationException("The token handler could not validate the token.")));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                (failures ??= []).Add(Recorded(options, exception));
            }
        }

        return (null, failures is null or [] ? new SecurityTokenValidationException("No token handler.")
            : failures.Count == 1 ? failures[0] : new AggregateException(failures));
    }

    /// <summary>As the JWT bearer handler: the OIDC configuration manager supplies issuer and signing keys.</summary>
    private static async Task<TokenValidationParameters> ParametersAsync(JwtBearerOptions options,
        CancellationToken cancellationToken)
    {
        var parameters = options.TokenValidationParameters.Clone();
        if (options.ConfigurationManager is BaseConfigurationManager manager)
        {
            parameters.ConfigurationManager = manager;
        }
        else if (options.ConfigurationManager is { } other)
        {
            var configuration = await other.GetConfigurationAsync(cancellationToken);
            parameters.ValidIssuers = (parameters.ValidIssuers ?? []).Append(configuration.Issuer);
            parameters.IssuerSigningKeys = (parameters.IssuerSigningKeys ?? []).Concat(configuration.SigningKeys);
        }

        return parameters;
    }

    private Exception Recorded(JwtBearerOptions options, Exception exception)
    {
        // The reason is logged in every environment (the 401 outside Development does not carry it); a token
        // signed by an unknown key may mean Entra rotated its keys, so fetch them again.
        Log.TokenRejected(logger, exception.GetType().Name);
        if (exception is SecurityTokenSignatureKeyNotFoundException && options.RefreshOnIssuerKeyNotFound)
        {
            options.ConfigurationManager?.RequestRefresh();
        }

        return exception;
    }

    /// <summary>401 with the challenge the JWT bearer handler sent: plain <c>Bearer</c> without a token; with a
    /// failed one <c>error="invalid_token"</c>, and the reason only where <see cref="JwtBearerOptions.IncludeErrorDetails"/>
    /// (Development).</summary>
    private ProblemHttpResult Challenge(HttpResponse response, Exception? failure)
    {
        var options = bearerOptions.Get(JwtBearerDefaults.AuthenticationScheme);
        var challenge = new StringBuilder(options.Challenge);
        if (failure is not null)
        {
            challenge.Append(" error=\"invalid_token\"");
            if (options.IncludeErrorDetails && Describe(failure) is { Length: > 0 } description)
            {
                challenge.Append(", error_description=\"").Append(description).Append('"');
            }
        }

        response.Headers.Append(HeaderNames.WWWAuthenticate, challenge.ToString());
        return TypedResults.Problem(new ProblemDetails { Status = StatusCodes.Status401Unauthorized });
    }

    /// <summary>The JWT bearer handler's wording of a validation failure (most specific exception first).</summary>
    internal static string Describe(Exception failure)
    {
        var exceptions = failure is AggregateException aggregate ? aggregate.InnerExceptions : [failure];
        var messages = new List<string>(exceptions.Count);
        foreach (var exception in exceptions)
        {
            switch (exception)
            {
                case SecurityTokenInvalidAudienceException audience:
                    messages.Add($"The audience '{audience.InvalidAudience ?? "(null)"}' is invalid");
                    break;
                case SecurityTokenInvalidIssuerException issuer:
                    messages.Add($"The issuer '{issuer.InvalidIssuer ?? "(null)"}' is invalid");
                    break;
                case SecurityTokenNoExpirationException:
                    messages.Add("The token has no expiration");
                    break;
                case SecurityTokenInvalidLifetimeException lifetime:
                    messages.Add("The token lifetime is invalid; NotBefore: "
                        + $"'{lifetime.NotBefore?.ToString(CultureInfo.InvariantCulture) ?? "(null)"}'"
                        + $", Expires: '{lifetime.Expires?.ToString(CultureInfo.InvariantCulture) ?? "(null)"}'");
                    break;
                case SecurityTokenNotYetValidException notYet:
                    messages.Add($"The token is not valid before '{notYet.NotBefore.ToString(CultureInfo.InvariantCulture)}'");
                    break;
                case SecurityTokenExpiredException expired:
                    messages.Add($"The token expired at '{expired.Expires.ToString(CultureInfo.InvariantCulture)}'");
                    break;
                case SecurityTokenSignatureKeyNotFoundException:
                    messages.Add("The signature key was not found");
                    break;
                case SecurityTokenInvalidSignatureException:
                    messages.Add("The signature is invalid");
                    break;
            }
        }

        return string.Join("; ", messages);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Bearer token rejected: {Reason}")]
        public static partial void TokenRejected(ILogger logger, string reason);
    }
}
