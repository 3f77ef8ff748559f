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
        CheckPositive(failures, nameof(WorkflowOptions.MaxConflictRetries), options.MaxConflictRetries);
        CheckPositive(failures, nameof(WorkflowOptions.EffectMaxAttempts), options.EffectMaxAttempts);
        CheckPositive(failures, nameof(WorkflowOptions.EffectRetryBaseDelay), options.EffectRetryBaseDelay);
        CheckPositive(failures, nameof(WorkflowOptions.WakeGrace), options.WakeGrace);
        if (options.EffectRetryMaxDelay < options.EffectRetryBaseDelay)
        {
            failures.Add($"{Setting(nameof(WorkflowOptions.EffectRetryMaxDelay))} must not be shorter than " +
                $"{Setting(nameof(WorkflowOptions.EffectRetryBaseDelay))}.");
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

}
