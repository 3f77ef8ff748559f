using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Referrals.Domain.Lifecycle;

namespace Referrals.App.Api.Projections;

/// <summary>The columns of a referral list row: the summary, no phones or notes. The returnee's name is written only
/// into the organisation's partition (the scouts' list) and only encrypted (<see cref="ReturneeName"/>). Enums are
/// stored in their camelCase API spelling so filters read naturally.</summary>
public static class ProjectionColumns
{
    public const string Id = "Id";
    public const string Revision = "Revision";
    public const string Status = "Status";
    public const string MscId = "MscId";
    public const string Organisation = "Organisation";
    public const string Priority = "Priority";
    public const string Municipality = "Municipality";
    public const string ExpectedReturnDate = "ExpectedReturnDate";
    public const string NextDeadlineKind = "NextDeadlineKind";
    public const string NextDeadlineDueAt = "NextDeadlineDueAt";
    public const string NextDeadlineState = "NextDeadlineState";
    public const string SubmittedAt = "SubmittedAt";
    public const string AcknowledgedAt = "AcknowledgedAt";
    public const string AcknowledgeBy = "AcknowledgeBy";

    /// <summary>The returnee's given and family name as JSON, protected by the app's IPayloadProtector.</summary>
    public const string ReturneeName = "ReturneeName";
    public const string SmsOptedOut = "SmsOptedOut";
    public const string ParkedEffects = "ParkedEffects";
    public const string UpdatedAt = "UpdatedAt";

    public static string Camel<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <param name="protectedName">The encrypted name, for the organisation's partition only.</param>
    public static TableEntity ToEntity(string partition, string rowKey, ReferralProjection projection,
        string? protectedName = null)
    {
        ArgumentNullException.ThrowIfNull(projection);
        var entity = new TableEntity(partition, rowKey)
        {
            [Id] = projection.Id,
            [Revision] = projection.Revision,
            [Status] = Camel(projection.Status),
            [MscId] = projection.MscId,
            [Organisation] = projection.Organisation,
            [Priority] = Camel(projection.Priority),
            [Municipality] = projection.MunicipalityCode,
            [ExpectedReturnDate] = projection.ExpectedReturnDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [SubmittedAt] = projection.SubmittedAt,
            [AcknowledgedAt] = projection.AcknowledgedAt,
            [AcknowledgeBy] = projection.AcknowledgeBy,
            [SmsOptedOut] = projection.SmsOptedOut,
            [ParkedEffects] = projection.ParkedEffects,
            [UpdatedAt] = projection.UpdatedAt,
        };
        if (projection.NextDeadline is { } next)
        {
            entity[NextDeadlineKind] = next.Kind;
            entity[NextDeadlineDueAt] = next.DueAt;
            entity[NextDeadlineState] = Camel(next.State);
        }

        if (protectedName is not null)
        {
            entity[ReturneeName] = protectedName;
        }

        return entity;
    }
}
