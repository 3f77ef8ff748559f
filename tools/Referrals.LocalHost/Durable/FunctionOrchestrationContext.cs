using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Entities;

namespace Referrals.LocalHost.Durable;

/// <summary>
/// The context an <c>[OrchestrationTrigger]</c> method receives. The function declares no input type, so the input
/// arrives as JSON and <see cref="GetInput{T}"/> deserializes it on request, as the Functions extension's context
/// does; everything else is the SDK's own context.
/// </summary>
internal sealed class FunctionOrchestrationContext(TaskOrchestrationContext inner, JsonElement? input) : TaskOrchestrationContext
{
    public override TaskName Name => inner.Name;

    public override string InstanceId => inner.InstanceId;

    public override ParentOrchestrationInstance? Parent => inner.Parent;

    public override DateTime CurrentUtcDateTime => inner.CurrentUtcDateTime;

    public override bool IsReplaying => inner.IsReplaying;

    public override string Version => inner.Version;

    public override IReadOnlyDictionary<string, object?> Properties => inner.Properties;

    public override TaskOrchestrationEntityFeature Entities => inner.Entities;

    protected override ILoggerFactory LoggerFactory => inner.ReplaySafeLoggerFactory;

    public override T? GetInput<T>() where T : default =>
        input is { } json ? (T?)JsonDataConverter.Default.Deserialize(json.GetRawText(), typeof(T)) : default;

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null) =>
        inner.CallActivityAsync<TResult>(name, input, options);

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) =>
        inner.CreateTimer(fireAt, cancellationToken);

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        inner.WaitForExternalEvent<T>(eventName, cancellationToken);

    public override void SendEvent(string instanceId, string eventName, object payload) =>
        inner.SendEvent(instanceId, eventName, payload);

    public override void SetCustomStatus(object? customStatus) => inner.SetCustomStatus(customStatus);

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(
        TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        inner.CallSubOrchestratorAsync<TResult>(orchestratorName, input, options);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        inner.ContinueAsNew(newInput, preserveUnprocessedEvents);

    public override void ContinueAsNew(ContinueAsNewOptions options) => inner.ContinueAsNew(options);

    public override Guid NewGuid() => inner.NewGuid();

    public override int CompareVersionTo(string version) => inner.CompareVersionTo(version);
}
