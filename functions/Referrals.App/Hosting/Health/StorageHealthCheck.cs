using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Referrals.App.Hosting.Health;

/// <summary>
/// Storage is reachable when one cheap listing call each to the Table and Queue services answers in time. Listings
/// (not service properties) need only the data roles the app's identity has.
/// </summary>
internal sealed class StorageHealthCheck(TableServiceClient tables, QueueServiceClient queues) : IHealthCheck
{
    /// <summary>Short, so a probe fails fast instead of sitting in the SDK's retries.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cancellation.CancelAfter(Timeout);
        var tableProbe = ProbeAsync("Table", async token =>
        {
            await foreach (var _ in tables.QueryAsync(maxPerPage: 1, cancellationToken: token).AsPages().WithCancellation(token))
            {
                break;
            }
        }, cancellation.Token);
        var queueProbe = ProbeAsync("Queue", async token =>
        {
            await foreach (var _ in queues.GetQueuesAsync(cancellationToken: token).AsPages(pageSizeHint: 1).WithCancellation(token))
            {
                break;
            }
        }, cancellation.Token);

        var failures = (await Task.WhenAll(tableProbe, queueProbe)).OfType<string>().ToArray();
        return failures.Length == 0
            ? HealthCheckResult.Healthy("Table and Queue services answered.")
            : HealthCheckResult.Unhealthy(string.Join(" ", failures));
    }

    private static async Task<string?> ProbeAsync(string service, Func<CancellationToken, Task> probe, CancellationToken cancellationToken)
    {
        try
        {
            await probe(cancellationToken);
            return null;
        }
        catch (OperationCanceledException)
        {
            return $"The {service} service did not answer within {Timeout.TotalSeconds:0} s.";
        }
        catch (RequestFailedException exception) when (exception.Status != 0)
        {
            return $"The {service} service answered {exception.Status} ({exception.ErrorCode ?? "no error code"}).";
        }
        catch (Exception exception) when (exception is RequestFailedException or AggregateException or HttpRequestException
            or Azure.Identity.AuthenticationFailedException)
        {
            return $"The {service} service is not reachable ({exception.GetType().Name}).";
        }
    }
}
