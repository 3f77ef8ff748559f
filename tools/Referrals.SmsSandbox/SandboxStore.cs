using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Referrals.SmsSandbox;

/// <summary>Everything the sandbox remembers: messages, armed faults, opted-out numbers and runtime settings.</summary>
internal sealed class SandboxStore(IOptions<SandboxOptions> options)
{
    private readonly Lock _gate = new();
    private readonly List<SandboxMessage> _messages = [];
    private readonly Queue<int> _requestFaults = new();
    private readonly Queue<int?> _retryAfterSeconds = new();
    private readonly HashSet<string> _optedOut = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _undelivered = new(StringComparer.Ordinal);
    private Uri? _inboundWebhookUrl = options.Value.InboundWebhookUrl;

    public Uri? InboundWebhookUrl
    {
        get { lock (_gate) { return _inboundWebhookUrl; } }
        set { lock (_gate) { _inboundWebhookUrl = value; } }
    }

    /// <summary>"SM" and 32 hexadecimal digits, like Twilio's message SIDs.</summary>
    public static string NewMessageSid() => "SM" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public void Add(SandboxMessage message)
    {
        lock (_gate)
        {
            _messages.Add(message);
        }
    }

    /// <summary>Applies <paramref name="change"/> under the lock and returns its result, or default when the
    /// message is gone (after a reset).</summary>
    public T? Update<T>(string sid, Func<SandboxMessage, T> change)
    {
        lock (_gate)
        {
            var message = _messages.Find(m => m.Sid == sid);
            return message is null ? default : change(message);
        }
    }

    public IReadOnlyList<SandboxMessageView> List(Func<SandboxMessage, bool> filter)
    {
        lock (_gate)
        {
            return [.. _messages.Where(filter).Select(m => m.ToView())];
        }
    }

    /// <summary>The number that last wrote to <paramref name="phone"/>, so a reply goes back to it.</summary>
    public string? LastSenderTo(string phone)
    {
        lock (_gate)
        {
            return _messages.LastOrDefault(m => m.Direction != SandboxDirections.Inbound && m.To == phone)?.From;
        }
    }

    public void ArmRequestFaults(int httpStatus, int count, int? retryAfterSeconds)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _requestFaults.Enqueue(httpStatus);
                _retryAfterSeconds.Enqueue(retryAfterSeconds);
            }
        }
    }

    /// <summary>The HTTP status the next Messages API request must answer with, if a fault is armed.</summary>
    public (int HttpStatus, int? RetryAfterSeconds)? TakeRequestFault()
    {
        lock (_gate)
        {
            return _requestFaults.TryDequeue(out var status) ? (status, _retryAfterSeconds.Dequeue()) : null;
        }
    }

    public void SetOptedOut(string phone, bool optedOut)
    {
        lock (_gate)
        {
            if (optedOut)
            {
                _optedOut.Add(phone);
            }
            else
            {
                _optedOut.Remove(phone);
            }
        }
    }

    public bool IsOptedOut(string phone)
    {
        lock (_gate)
        {
            return _optedOut.Contains(phone);
        }
    }

    public void ArmUndelivered(string phone, int errorCode)
    {
        lock (_gate)
        {
            _undelivered[phone] = errorCode;
        }
    }

    public int? UndeliveredCodeFor(string phone)
    {
        lock (_gate)
        {
            return _undelivered.TryGetValue(phone, out var code) ? code : null;
        }
    }

    public SandboxFaultsView Faults()
    {
        lock (_gate)
        {
            return new SandboxFaultsView(
                [.. _requestFaults.Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture))],
                [.. _optedOut.Order(StringComparer.Ordinal)],
                new Dictionary<string, int>(_undelivered, StringComparer.Ordinal));
        }
    }

    public void ClearFaults()
    {
        lock (_gate)
        {
            _requestFaults.Clear();
            _retryAfterSeconds.Clear();
            _optedOut.Clear();
            _undelivered.Clear();
        }
    }

    public void ClearMessages()
    {
        lock (_gate)
        {
            _messages.Clear();
        }
    }
}
