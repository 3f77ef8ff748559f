namespace Referrals.App.Api.Audit;

/// <summary>The read actions recorded in the audit trail.</summary>
public static class AuditActions
{
    public const string ReadReferral = "readReferral";
    public const string ReadAuditTrail = "readAuditTrail";
}
