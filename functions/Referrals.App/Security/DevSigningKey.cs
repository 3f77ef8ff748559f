using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Referrals.App.Security;

/// <summary>The symmetric key of the Development issuer: <c>Auth:DevSigningKey</c>, or a random key per process
/// when none is configured (tokens then last as long as the process).</summary>
public sealed class DevSigningKey(IOptions<AuthOptions> options)
{
    private readonly Lazy<SymmetricSecurityKey> _key = new(() => Create(options.Value.DevSigningKey));

    public SymmetricSecurityKey Key => _key.Value;

    private static SymmetricSecurityKey Create(string? configured) =>
        new(configured is null ? RandomNumberGenerator.GetBytes(32) : Convert.FromBase64String(configured))
        {
            KeyId = "dev",
        };
}
