using System.ComponentModel.DataAnnotations;

namespace Referrals.Domain.Directory;

/// <summary>
/// Where the reference data files are (configuration section "ReferenceData"). Relative paths are relative to the
/// application directory; the defaults are the files shipped in Data/.
/// </summary>
public sealed class ReferenceDataOptions
{
    public const string SectionName = "ReferenceData";

    [Required]
    public string MunicipalitiesPath { get; set; } = Path.Combine("Data", "municipalities.json");

    [Required]
    public string MscsPath { get; set; } = Path.Combine("Data", "mscs.json");
}
