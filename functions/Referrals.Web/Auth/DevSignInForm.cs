using System.ComponentModel.DataAnnotations;

namespace Referrals.Web.Auth;

/// <summary>The Development sign-in: a role and the scope that role needs (a scout's organisation, an advisor's
/// MSC). Never available outside Development.</summary>
public sealed class DevSignInForm
{
    [Required]
    [RegularExpression("scout|advisor|coordinator")]
    public string Role { get; set; } = "scout";

    [Required]
    [StringLength(64, MinimumLength = 1)]
    [RegularExpression("[A-Za-z0-9._@-]+")]
    public string Subject { get; set; } = "scout-1";

    [StringLength(64)]
    [RegularExpression("[A-Za-z0-9._-]+")]
    public string? Organisation { get; set; } = "returnhelp-berlin";

    [StringLength(64)]
    public string? Msc { get; set; } = "nis";

    /// <summary>A local URL to go back to after signing in.</summary>
    public string? ReturnUrl { get; set; }
}
