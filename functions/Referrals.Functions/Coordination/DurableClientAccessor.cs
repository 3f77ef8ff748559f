using Microsoft.DurableTask.Client;

namespace Referrals.Functions.Coordination;

/// <summary>
/// The Durable client of the current invocation. In the isolated worker the client comes only from a function's
/// <c>[DurableClient]</c> binding, yet commits happen deep inside the backend's services; a function that may commit
/// hands its client over with <see cref="Use"/> for the length of the call (the same pattern as IHttpContextAccessor).
/// </summary>
/// Outside a function (tests, the development clock's callers in process) the local host's own client in DI is used;
/// Azure registers none, so there a function that forgets <see cref="Use"/> fails loudly.
public sealed class DurableClientAccessor(IServiceProvider services)
{
    private static readonly AsyncLocal<DurableTaskClient?> Current = new();

    public DurableTaskClient Client => Current.Value
        ?? services.GetService(typeof(DurableTaskClient)) as DurableTaskClient
        ?? throw new InvalidOperationException(
            "No Durable client in this call: the function must take [DurableClient] DurableTaskClient and call Use(client).");

    public static IDisposable Use(DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var previous = Current.Value;
        Current.Value = client;
        return new Restore(previous);
    }

    private sealed class Restore(DurableTaskClient? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
