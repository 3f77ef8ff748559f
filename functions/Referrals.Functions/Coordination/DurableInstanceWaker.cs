using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Referrals.Workflow;

namespace Referrals.Functions.Coordination;

/// <summary>Starts and wakes referral coordinators through the Durable client of the current call.</summary>
public sealed class DurableInstanceWaker(DurableClientAccessor accessor, ICoordinationSignals signals, TimeProvider time)
    : IInstanceWaker
{
    public async Task StartAsync(string instanceId, long version, CancellationToken cancellationToken)
    {
        signals.Expect(instanceId, version, DateTimeOffset.MinValue);
        try
        {
            await ScheduleAsync(instanceId, cancellationToken);
        }
        catch (Exception exception) when (IsAlreadyRunning(exception))
        {
            // A retried submission: its coordinator runs; make it look again.
            await WakeAsync(instanceId, version, cancellationToken);
        }
    }

    public Task WakeAsync(string instanceId, long version, CancellationToken cancellationToken)
    {
        signals.Expect(instanceId, version, DateTimeOffset.MinValue);
        return RaiseAsync(instanceId, cancellationToken);
    }

    public async Task EnsureRunningAsync(string instanceId, CancellationToken cancellationToken)
    {
        var instance = await accessor.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (instance is null || instance.IsCompleted)
        {
            await ScheduleAsync(instanceId, cancellationToken);
        }
        else
        {
            await RaiseAsync(instanceId, cancellationToken);
        }
    }

    /// <summary>A new coordinator looks at the referral at once.</summary>
    private Task ScheduleAsync(string instanceId, CancellationToken cancellationToken) =>
        accessor.Client.ScheduleNewOrchestrationInstanceAsync(ReferralCoordinator.FunctionName,
            new CoordinationCycle(Sleep: false, WakeAt: null), new StartOrchestrationOptions(instanceId), cancellationToken);

    private Task RaiseAsync(string instanceId, CancellationToken cancellationToken) =>
        accessor.Client.RaiseEventAsync(instanceId, ReferralCoordinator.ChangedEvent, new ReferralChanged(time.GetUtcNow()),
            cancellationToken);

    private static bool IsAlreadyRunning(Exception exception) =>
        exception is InvalidOperationException
        || (exception is Grpc.Core.RpcException rpc && rpc.StatusCode == Grpc.Core.StatusCode.AlreadyExists);
}
