using System.ComponentModel.DataAnnotations;

namespace Referrals.LocalHost.Durable;

/// <summary>
/// The Durable Task engine's settings, read from host.json (<c>extensions.durableTask</c>) like the Functions host
/// does, with the storage connection taken from the setting that <c>storageProvider.connectionName</c> names.
/// </summary>
public sealed class DurableEngineOptions
{
    /// <summary>Task hub names are 3-45 letters and digits, starting with a letter (they prefix tables and queues).</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    public string HubName { get; set; } = "";

    /// <summary>Control queues; changing it needs a new task hub.</summary>
    [Range(1, 16)]
    public int PartitionCount { get; set; } = 4;

    /// <summary>The longest back-off of an idle queue poll: idle storage requests against the latency of outside work.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages fetched from a control queue per receive.</summary>
    [Range(1, 32)]
    public int ControlQueueBatchSize { get; set; } = 32;

    /// <summary>Partition leases in a table rather than in blobs (the Durable extension's default since v3).</summary>
    public bool UseTablePartitionManagement { get; set; } = true;

    /// <summary>From <c>extensions.durableTask.maxConcurrentActivityFunctions</c> (default 10 per processor).</summary>
    [Range(1, 1000)]
    public int MaxConcurrentActivityFunctions { get; set; } = 10 * Environment.ProcessorCount;

    /// <summary>From <c>extensions.durableTask.maxConcurrentOrchestratorFunctions</c> (default 10 per processor).</summary>
    [Range(1, 1000)]
    public int MaxConcurrentOrchestratorFunctions { get; set; } = 10 * Environment.ProcessorCount;

    /// <summary>Whether this process runs orchestrations and activities; otherwise the sidecar serves only the
    /// client API (the local host's <c>Groups</c> setting, not host.json).</summary>
    public bool Dispatches { get; set; } = true;

    [Required]
    public string ConnectionName { get; set; } = "AzureWebJobsStorage";

    [Required(ErrorMessage = "The storage connection string (the setting named by storageProvider.connectionName) is not set.")]
    public string StorageConnectionString { get; set; } = "";
}
