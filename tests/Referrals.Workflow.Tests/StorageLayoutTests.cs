using Azure.Data.Tables;
using Referrals.Workflow.Runtime;
using Referrals.Workflow.Storage;

namespace Referrals.Workflow.Tests;

public sealed class StorageLayoutTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(32 * 1024)]
    [InlineData(32 * 1024 + 1)]
    [InlineData(200_000)]
    public void Payload_columns_round_trip_strings_longer_than_one_property(int length)
    {
        var value = string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + (i % 26))));
        var entity = new TableEntity("p", "r");

        PayloadColumns.Write(entity, value);

        Assert.Equal(value, PayloadColumns.Read(entity));
        Assert.All(entity.Keys.Where(k => k.StartsWith("Data", StringComparison.Ordinal)),
            key => Assert.True(entity.GetString(key)!.Length <= 32 * 1024));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a|b")]
    [InlineData("a\tb")]
    public void Key_validation_rejects_values_unfit_for_a_table_key_naming_the_field(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => RowKeys.Validate(value, "instanceId"));

        Assert.Equal("instanceId", error.ParamName);
    }

    [Fact]
    public void Timeline_pages_sort_before_the_rows_a_dispatch_loads()
    {
        Assert.True(string.CompareOrdinal(RowKeys.TimelinePage(999_999), RowKeys.LoadFrom) < 0);
        Assert.True(string.CompareOrdinal(RowKeys.State, RowKeys.LoadFrom) > 0);
        Assert.True(string.CompareOrdinal(RowKeys.Outbox("a"), RowKeys.LoadFrom) > 0);
        Assert.True(string.CompareOrdinal(RowKeys.Timer("a"), RowKeys.LoadFrom) > 0);
    }

    [Fact]
    public void Stored_row_keys_keep_the_layout_order()
    {
        const string id = "order-000001";

        Assert.True(string.CompareOrdinal(RowKeys.Stored(id, RowKeys.TimelinePage(999_999)), RowKeys.LoadFrom) < 0);
        Assert.True(string.CompareOrdinal(RowKeys.Stored(id, RowKeys.TimelinePage(0)), RowKeys.TimelinePagePrefix) > 0);
        Assert.True(string.CompareOrdinal(RowKeys.Stored(id, RowKeys.State), RowKeys.LoadFrom) > 0);
        Assert.True(string.CompareOrdinal(RowKeys.Stored(id, RowKeys.Outbox("a")), RowKeys.LoadFrom) > 0);
        Assert.True(string.CompareOrdinal(RowKeys.Stored(id, RowKeys.Timer("a")), RowKeys.LoadFrom) > 0);
    }

    [Theory]
    [InlineData("s")]
    [InlineData("e|000000")]
    [InlineData("o|notify-sms")]
    [InlineData("o|notify-email")]
    [InlineData("t|expiry")]
    public void A_stored_key_gives_back_the_key_within_the_partition(string key)
    {
        Assert.Equal(key, RowKeys.InPartition("order-1", RowKeys.Stored("order-1", key)));
    }

    [Theory]
    [InlineData("s")]
    [InlineData("order-1")]
    [InlineData("|order-1")]
    [InlineData("s|order-2")]
    [InlineData("s|xorder-1")]
    [InlineData("sorder-1")]
    public void A_key_without_the_instance_suffix_is_not_in_the_layout(string storedKey)
    {
        Assert.Null(RowKeys.InPartition("order-1", storedKey));
    }

    [Fact]
    public void Timer_buckets_are_utc_minutes_that_sort_by_time()
    {
        var early = new DateTimeOffset(2025, 12, 31, 23, 59, 59, TimeSpan.FromHours(1));
        var late = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal("202512312259", TimerIndex.Bucket(early));
        Assert.True(string.CompareOrdinal(TimerIndex.Bucket(early), TimerIndex.Bucket(late)) < 0);
    }

    [Theory]
    [InlineData(1, null, 10)]
    [InlineData(2, null, 20)]
    [InlineData(3, null, 40)]
    [InlineData(10, null, 300)]
    [InlineData(40, null, 300)]
    [InlineData(1, 60, 60)]
    [InlineData(3, 5, 40)]
    [InlineData(10, 3600, 3600)]
    public void Retry_delay_doubles_up_to_the_cap_and_respects_a_longer_retry_after(int attempt, int? afterSeconds, int expectedSeconds)
    {
        var delay = EffectRetryPolicy.Delay(attempt, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5),
            afterSeconds is { } s ? TimeSpan.FromSeconds(s) : null);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
    }
}
