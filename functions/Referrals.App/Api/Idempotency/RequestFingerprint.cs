using System.Security.Cryptography;
using System.Text.Json;

namespace Referrals.App.Api.Idempotency;

/// <summary>
/// Identifies a submitted body: SHA-256 of the canonical body (the parsed request serialized again, so whitespace and
/// member order do not matter). The referral keeps it in its encrypted state, so the same Idempotency-Key with the
/// same body is a retry and with another body a conflict, without a separate table or round trip.
/// </summary>
public static class RequestFingerprint
{
    public static string Of<T>(T request) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, ApiJson.Input)));
}
