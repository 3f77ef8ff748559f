using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Referrals.LocalHost;

/// <summary>Where the Functions app's build output is, and where the local host listens (section "LocalHost").</summary>
public sealed class LocalHostOptions
{
    public const string Section = "LocalHost";

    /// <summary>
    /// The folder holding the app's functions.metadata and host.json. By default this tool's own folder: the Worker
    /// SDK adds both to the copy-to-output items of the Functions project, so they reach every project referencing it.
    /// </summary>
    [Required]
    public string AppDirectory { get; set; } = AppContext.BaseDirectory;

    /// <summary>Overrides AppDirectory/functions.metadata (tests use metadata of their own).</summary>
    public string? MetadataFile { get; set; }

    /// <summary>The HTTP port, the Functions port by default so URLs are the same locally and in Azure; 0 picks a free one.</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 7071;

    /// <summary>The Durable Task sidecar's loopback gRPC port; 0 picks a free one.</summary>
    [Range(0, 65535)]
    public int DurablePort { get; set; }

    /// <summary>
    /// The function groups this process runs. Flex Consumption scales HTTP functions, Durable functions and each
    /// other function on instances of their own, so a burst of coordination never shares an instance with the API;
    /// running groups in separate processes reproduces that locally. All of them by default.
    /// </summary>
    public FunctionGroups Groups { get; set; } = FunctionGroups.All;

    public string MetadataPath => MetadataFile ?? Path.Combine(AppDirectory, "functions.metadata");

    public string HostJsonPath => Path.Combine(AppDirectory, "host.json");

    /// <summary>Binds and validates the section now: these settings are needed before the host is built.</summary>
    public static LocalHostOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<LocalHostOptions>() ?? new LocalHostOptions();
        var errors = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true);
        if ((options.Groups & FunctionGroups.All) == FunctionGroups.None || (options.Groups & ~FunctionGroups.All) != 0)
        {
            errors.Add(new ValidationResult("Name one or more of Http, Durable, Timers.", [nameof(Groups)]));
        }

        if (errors.Count > 0)
        {
            throw new OptionsValidationException(Section, typeof(LocalHostOptions),
                errors.Select(error => $"{Section}:{string.Join(',', error.MemberNames)}: {error.ErrorMessage}"));
        }

        return options;
    }
}

/// <summary>Groups of functions that scale, and so run, together (Flex Consumption's per-function scaling).</summary>
[Flags]
public enum FunctionGroups
{
    None = 0,

    /// <summary>HTTP-triggered functions, served on the host's port.</summary>
    Http = 1,

    /// <summary>Orchestrations and activities: this process dispatches the task hub's work. Without it the process
    /// is still a Durable client (it starts and wakes orchestrations).</summary>
    Durable = 2,

    /// <summary>Timer-triggered functions.</summary>
    Timers = 4,

    All = Http | Durable | Timers,
}
