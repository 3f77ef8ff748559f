using System.ComponentModel.DataAnnotations;

namespace Referrals.App.Api.Storage;

/// <summary>The tables the API owns besides the workflow's (section "Api:Tables").</summary>
public sealed class ApiTablesOptions
{
    public const string SectionName = "Api:Tables";

    /// <summary>Referral summaries for lists, one row per referral in each partition it is listed in.</summary>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string Projections { get; set; } = "referralviews";

    /// <summary>Reads of referrals by people (PartitionKey = referral id).</summary>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string Audit { get; set; } = "referralaudit";

    /// <summary>Blind index of returnee phone numbers (PartitionKey = HMAC of the number, RowKey = referral id).
    /// </summary>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string ReturneePhones { get; set; } = "referralphones";
}
