using System.Text;
using Referrals.Sms.Webhooks;

namespace Referrals.Sms.Tests.Webhooks;

public sealed class UrlEncodedFormParserTests
{
    private static bool Parse(string body, out Dictionary<string, string> fields, out string? error) =>
        UrlEncodedFormParser.TryParse(Encoding.ASCII.GetBytes(body), 5, 10, out fields, out error);

    [Fact]
    public void A_Twilio_form_decodes_plus_percent_escapes_and_UTF_8()
    {
        Assert.True(Parse("From=%2B4915550000001&Body=Hvala+%C5%A1to+ste+pisali%21&Empty=&Bare&&", out var fields, out var error), error);

        Assert.Equal("+4915550000001", fields["From"]);
        Assert.Equal("Hvala što ste pisali!", fields["Body"]);
        Assert.Equal("", fields["Empty"]);
        Assert.Equal("", fields["Bare"]);
        Assert.Equal(4, fields.Count);
    }

    [Fact]
    public void An_empty_body_is_an_empty_form()
    {
        Assert.True(Parse("", out var fields, out _));
        Assert.Empty(fields);
    }

    [Theory]
    [InlineData("a=1&b=2&c=3&d=4&e=5&f=6", "more than 5 fields")]
    [InlineData("abcdefghijk=1", "longer than 10 characters")]
    [InlineData("=1", "no name")]
    [InlineData("a=1&a=2", "more than once")]
    [InlineData("Body=STOP%00", "NUL")]
    [InlineData("Bo%00dy=STOP", "control character")]
    [InlineData("Body=%ZZ", "percent-encoded")]
    [InlineData("Body=100%", "percent-encoded")]
    [InlineData("Body=%C3%28", "percent-encoded UTF-8")]
    [InlineData("Na%E9me=x", "percent-encoded UTF-8")]
    public void A_malformed_form_is_an_error_that_does_not_quote_it(string body, string reason)
    {
        Assert.False(Parse(body, out _, out var error));

        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.DoesNotContain("STOP", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_non_ASCII_bytes_that_are_not_UTF_8_are_an_error()
    {
        Assert.False(UrlEncodedFormParser.TryParse([(byte)'a', (byte)'=', 0xFF], 5, 10, out _, out var error));
        Assert.Contains("UTF-8", error, StringComparison.Ordinal);
    }
}
