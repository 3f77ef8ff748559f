using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Referrals.App.Api.Storage;

namespace Referrals.App.Api.Idempotency;

/// <summary>
/// Remembers which request body an Idempotency-Key was first used with (a hash of the canonical body, i.e. the
/// parsed request serialized again, so whitespace and member order do not matter). The same key with the same body
/// is a retry; with a different body it is a conflict.
/// </summary>
public sealed class SubmissionIdempotency(ApiTables tables, TimeProvider time)
{
    private const string RowKey = "submit";

    public static string HashOf<T>(T request) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, ApiJson.Input)));

    /// <summary>Records the body hash for <paramref name="referralId"/> unless one exists, and says how the request
    /// relates to the first use of its key.</summary>
    public async Task<IdempotencyOutcome> ClaimAsync(string referralId, string bodyHash, string subject,
        CancellationToken cancellationToken)
    {
        var table = await tables.IdempotencyAsync(cancellationToken);
        try
        {
            await table.AddEntityAsync(new TableEntity(referralId, RowKey)
            {
                ["BodyHash"] = bodyHash,
                ["Subject"] = subject,
                ["At"] = time.GetUtcNow(),
            }, cancellationToken);
            return IdempotencyOutcome.FirstUse;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            var existing = await table.GetEntityAsync<TableEntity>(referralId, RowKey, cancellationToken: cancellationToken);
            return string.Equals(existing.Value.GetString("BodyHash"), bodyHash, StringComparison.Ordinal)
                ? IdempotencyOutcome.Repeat
                : IdempotencyOutcome.DifferentBody;
        }
    }
}

public enum IdempotencyOutcome
{
    FirstUse,

    /// <summary>The key was used before with the same body: answer as for the first request.</summary>
    Repeat,

    /// <summary>The key was used before with another body: 409.</summary>
    DifferentBody,
}
