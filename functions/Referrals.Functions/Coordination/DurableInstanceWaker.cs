using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Referrals.Workflow;

namespace Referrals.Functions.Coordination;

/// <summary>Starts and wakes referral coordinators through the Durable client of the current call.</summary>
public sealed class DurableInstanceWaker(DurableClientAccessor accessor, ICoordinationSignals signals, TimeProvider time,
    IOptions<CoordinatorOptions> options)
    : IInstanceWaker
{
    public async Task StartAsync(string instanceId, long version, IReadOnlyList<string> dueEffectIds,
        CancellationToken cancellationToken)
    {
        signals.Expect(instanceId, version, DateTimeOffset.MinValue);
        try
        {
            await ScheduleAsync(instanceId, dueEffectIds, cancellationToken);
        }
        catch (Exception exception) when (IsAlreadyRunning(exception))
        {
            // A retried submission: its coordinator runs; make it look again.
            await WakeAsync(instanceId, version, dueEffectIds, cancellationToken);
        }
    }

    public Task WakeAsync(string instanceId, long version, IReadOnlyList<string> dueEffectIds,
        CancellationToken cancellationToken)
    {
        signals.Expect(instanceId, version, DateTimeOffset.MinValue);
        return RaiseAsync(instanceId, dueEffectIds, cancellationToken);
    }

    public async Task EnsureRunningAsync(string instanceId, CancellationToken cancellationToken)
    {
        var instance = await accessor.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (instance is null || instance.IsCompleted)
        {
            // The sweep knows no ids: the coordinator's look finds the work.
            await ScheduleAsync(instanceId, [], cancellationToken);
        }
        else
        {
            await RaiseAsync(instanceId, [], cancellationToken);
        }
    }

    /// <summary>A new coordinator performs the announced effects, then looks at the referral, at once. It gets the
    /// retry policy here because it has not looked yet (a running one has it from its last look).</summary>
    private Task ScheduleAsync(string instanceId, IReadOnlyList<string> dueEffectIds, CancellationToken cancellationToken) =>
        accessor.Client.ScheduleNewOrchestrationInstanceAsync(ReferralCoordinator.FunctionName,
            new CoordinationCycle(Sleep: false, WakeAt: null, dueEffectIds, options.Value.EffectRetry),
            new StartOrchestrationOptions(instanceId), cancellationToken);

    private Task RaiseAsync(string instanceId, IReadOnlyList<string> dueEffectIds, CancellationToken cancellationToken) =>
        accessor.Client.RaiseEventAsync(instanceId, ReferralCoordinator.ChangedEvent,
            new ReferralChanged(time.GetUtcNow(), dueEffectIds), cancellationToken);

    private static bool IsAlreadyRunning(Exception exception) =>
        exception is InvalidOperationException
        || (exception is Grpc.Core.RpcException rpc && rpc.StatusCode == Grpc.Core.StatusCode.AlreadyExists);
}
