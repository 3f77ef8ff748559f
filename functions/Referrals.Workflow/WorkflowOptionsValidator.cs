using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Referrals.Workflow;

/// <summary>Fails start-up naming the setting that is wrong.</summary>
internal sealed partial class WorkflowOptionsValidator : IValidateOptions<WorkflowOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkflowOptions options)
    {
        var failures = new List<string>();
        CheckTable(failures, nameof(WorkflowOptions.TableName), options.TableName);
        CheckTable(failures, nameof(WorkflowOptions.TimerIndexTableName), options.TimerIndexTableName);
        CheckTable(failures, nameof(WorkflowOptions.ParkedTableName), options.ParkedTableName);
        if (options.DispatchQueueName is null || !QueueName().IsMatch(options.DispatchQueueName)
            || options.DispatchQueueName.Length > 56 || options.DispatchQueueName.Contains("--", StringComparison.Ordinal))
        {
            failures.Add($"{Setting(nameof(WorkflowOptions.DispatchQueueName))} must be 3-56 lowercase letters, digits " +
                "or single hyphens, starting and ending with a letter or digit (\"-poison\" is appended for poison).");
        }

        CheckPositive(failures, nameof(WorkflowOptions.MaxConflictRetries), options.MaxConflictRetries);
        CheckPositive(failures, nameof(WorkflowOptions.EffectMaxAttempts), options.EffectMaxAttempts);
        CheckPositive(failures, nameof(WorkflowOptions.DispatchConcurrency), options.DispatchConcurrency);
        CheckPositive(failures, nameof(WorkflowOptions.InProcessDispatchConcurrency), options.InProcessDispatchConcurrency);
        CheckPositive(failures, nameof(WorkflowOptions.MaxDequeueCount), options.MaxDequeueCount);
        CheckPositive(failures, nameof(WorkflowOptions.EffectRetryBaseDelay), options.EffectRetryBaseDelay);
        CheckPositive(failures, nameof(WorkflowOptions.SweepInterval), options.SweepInterval);
        CheckPositive(failures, nameof(WorkflowOptions.DispatchPollMinDelay), options.DispatchPollMinDelay);
        CheckPositive(failures, nameof(WorkflowOptions.DispatchRecoveryDelay), options.DispatchRecoveryDelay);
        CheckPositive(failures, nameof(WorkflowOptions.DispatchVisibilityTimeout), options.DispatchVisibilityTimeout);
        if (options.EffectRetryMaxDelay < options.EffectRetryBaseDelay)
        {
            failures.Add($"{Setting(nameof(WorkflowOptions.EffectRetryMaxDelay))} must not be shorter than " +
                $"{Setting(nameof(WorkflowOptions.EffectRetryBaseDelay))}.");
        }

        if (options.DispatchPollMaxDelay < options.DispatchPollMinDelay)
        {
            failures.Add($"{Setting(nameof(WorkflowOptions.DispatchPollMaxDelay))} must not be shorter than " +
                $"{Setting(nameof(WorkflowOptions.DispatchPollMinDelay))}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Setting(string property) => $"{WorkflowOptions.SectionName}:{property}";

    private static void CheckTable(List<string> failures, string property, string? value)
    {
        if (value is null || !TableName().IsMatch(value))
        {
            failures.Add($"{Setting(property)} must be 3-63 letters or digits, starting with a letter.");
        }
    }

    private static void CheckPositive(List<string> failures, string property, int value)
    {
        if (value <= 0)
        {
            failures.Add($"{Setting(property)} must be greater than zero.");
        }
    }

    private static void CheckPositive(List<string> failures, string property, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{Setting(property)} must be a positive duration (e.g. \"00:00:10\").");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableName();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex QueueName();
}
