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

    public string MetadataPath => MetadataFile ?? Path.Combine(AppDirectory, "functions.metadata");

    public string HostJsonPath => Path.Combine(AppDirectory, "host.json");

    /// <summary>Binds and validates the section now: these settings are needed before the host is built.</summary>
    public static LocalHostOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<LocalHostOptions>() ?? new LocalHostOptions();
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true))
        {
            throw new OptionsValidationException(Section, typeof(LocalHostOptions),
                errors.Select(error => $"{Section}:{string.Join(',', error.MemberNames)}: {error.ErrorMessage}"));
        }

        return options;
    }
}
