namespace Referrals.Workflow;

/// <summary>
/// Protects the JSON payloads the runtime writes (state, events, outbox), so personal data is encrypted at rest by
/// the application. The default is no protection; the app plugs in AES-GCM with a key id for rotation.
/// </summary>
public interface IPayloadProtector
{
    string Protect(string plaintext);

    string Unprotect(string stored);
}

public sealed class NoPayloadProtection : IPayloadProtector
{
    public static NoPayloadProtection Instance { get; } = new();

    public string Protect(string plaintext) => plaintext;

    public string Unprotect(string stored) => stored;
}
