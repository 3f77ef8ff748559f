using Azure;
using Azure.Data.Tables;
using Referrals.App.Api.Storage;
using Referrals.App.Security;

namespace Referrals.App.Referrals.Sms;

/// <summary>
/// Finds the referrals a phone number was texted about, for inbound SMS, without storing the number: the partition
/// key is the number's blind index and each row names one referral. A row is written before each SMS is sent, so a
/// returnee can only be found by a number we actually wrote to.
/// </summary>
public sealed class ReturneePhoneIndex(ApiTables tables, BlindIndex blindIndex)
{
    public async Task RememberAsync(string phone, string referralId, CancellationToken cancellationToken)
    {
        var table = await tables.ReturneePhonesAsync(cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(blindIndex.ForPhone(phone), referralId),
            TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> FindAsync(string phone, CancellationToken cancellationToken)
    {
        var table = await tables.ReturneePhonesAsync(cancellationToken);
        var partition = blindIndex.ForPhone(phone);
        var ids = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition,
            select: [nameof(ITableEntity.RowKey)], cancellationToken: cancellationToken))
        {
            ids.Add(row.RowKey);
        }

        return ids;
    }
}
