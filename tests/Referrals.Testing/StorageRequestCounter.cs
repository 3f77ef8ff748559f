using Azure.Core;
using Azure.Core.Pipeline;

namespace Referrals.Testing;

/// <summary>
/// Counts the HTTP requests an Azure SDK client sends (a batch is one request). Add it per call to the client
/// options: <c>options.AddPolicy(counter, HttpPipelinePosition.PerRetry)</c>, so every attempt on the wire counts.
/// </summary>
public sealed class StorageRequestCounter : HttpPipelinePolicy
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Interlocked.Increment(ref _count);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Interlocked.Increment(ref _count);
        return ProcessNextAsync(message, pipeline);
    }
}
