using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Referrals.Sms.Keywords;
using Referrals.Sms.Twilio;
using Referrals.Sms.Webhooks;

namespace Referrals.Sms.Tests.Webhooks;

public sealed class TwilioWebhookParsingTests
{
    private static FormCollection Form(params (string Key, string Value)[] fields) =>
        new(fields.ToDictionary(f => f.Key, f => new StringValues(f.Value)));

    [Fact]
    public void A_status_callback_with_an_error_code_is_read()
    {
        var form = Form(("MessageSid", "SM0123"), ("MessageStatus", "undelivered"), ("ErrorCode", "30003"),
            ("To", "+4915550000001"), ("From", "+381115550100"));

        Assert.True(TwilioStatusCallback.TryParse(form, out var callback, out var error), error);
        Assert.Equal(new TwilioStatusCallback("SM0123", TwilioMessageStatus.Undelivered, 30003, "+4915550000001", "+381115550100"), callback);
    }

    [Fact]
    public void A_status_callback_falls_back_to_SmsStatus()
    {
        Assert.True(TwilioStatusCallback.TryParse(Form(("MessageSid", "SM1"), ("SmsStatus", "sent")), out var callback, out _));
        Assert.Equal(TwilioMessageStatus.Sent, callback.Status);
        Assert.Null(callback.ErrorCode);
        Assert.Null(callback.To);
    }

    [Theory]
    [InlineData("", "delivered", "", "MessageSid")]
    [InlineData("SM1", "", "", "MessageStatus")]
    [InlineData("SM1", "teleported", "", "MessageStatus")]
    [InlineData("SM1", "failed", "x30003", "ErrorCode")]
    public void A_bad_status_callback_names_the_field(string sid, string status, string code, string field)
    {
        var form = Form(("MessageSid", sid), ("MessageStatus", status), ("ErrorCode", code));

        Assert.False(TwilioStatusCallback.TryParse(form, out var callback, out var error));
        Assert.Null(callback);
        Assert.StartsWith(field, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("accepted", TwilioMessageStatus.Accepted)]
    [InlineData("scheduled", TwilioMessageStatus.Scheduled)]
    [InlineData("queued", TwilioMessageStatus.Queued)]
    [InlineData("sending", TwilioMessageStatus.Sending)]
    [InlineData("sent", TwilioMessageStatus.Sent)]
    [InlineData("delivered", TwilioMessageStatus.Delivered)]
    [InlineData("undelivered", TwilioMessageStatus.Undelivered)]
    [InlineData("failed", TwilioMessageStatus.Failed)]
    [InlineData("receiving", TwilioMessageStatus.Receiving)]
    [InlineData("received", TwilioMessageStatus.Received)]
    [InlineData("read", TwilioMessageStatus.Read)]
    [InlineData("canceled", TwilioMessageStatus.Canceled)]
    [InlineData("partially_delivered", TwilioMessageStatus.PartiallyDelivered)]
    public void Every_Twilio_status_round_trips(string wire, TwilioMessageStatus status)
    {
        Assert.True(TwilioMessageStatuses.TryParse(wire, out var parsed));
        Assert.Equal(status, parsed);
        Assert.Equal(wire, status.ToWireValue());
    }

    [Fact]
    public void Every_status_has_a_wire_value() =>
        Assert.All(Enum.GetValues<TwilioMessageStatus>(), status =>
            Assert.True(TwilioMessageStatuses.TryParse(status.ToWireValue(), out var parsed) && parsed == status));

    [Fact]
    public void An_inbound_message_is_read_with_its_keyword()
    {
        var form = Form(("MessageSid", "SM9"), ("From", "+4915550000002"), ("To", "+381115550100"),
            ("Body", " Stop "), ("NumSegments", "1"));

        Assert.True(TwilioInboundMessage.TryParse(form, out var message, out var error), error);
        Assert.Equal(" Stop ", message.Body);
        Assert.Equal(1, message.NumSegments);
        Assert.Equal(InboundKeyword.Stop, message.Keyword);
    }

    [Theory]
    [InlineData("MessageSid")]
    [InlineData("From")]
    [InlineData("To")]
    [InlineData("Body")]
    public void An_inbound_message_without_a_field_names_it(string missing)
    {
        var fields = new[] { ("MessageSid", "SM9"), ("From", "+4915550000002"), ("To", "+381115550100"), ("Body", "Hi") }
            .Where(f => f.Item1 != missing).ToArray();

        Assert.False(TwilioInboundMessage.TryParse(Form(fields), out _, out var error));
        Assert.Equal($"{missing} is required.", error);
    }
}
