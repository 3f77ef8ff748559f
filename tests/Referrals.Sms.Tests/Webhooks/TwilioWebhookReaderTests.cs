using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Referrals.Sms.Twilio;
using Referrals.Sms.Webhooks;
using Referrals.SmsSandbox;

namespace Referrals.Sms.Tests.Webhooks;

/// <summary><see cref="TwilioWebhookReader"/> on an <see cref="HttpRequest"/> alone, as an Azure Functions trigger
/// would call it: each refusal is a 4xx and reads no more than it must.</summary>
public sealed class TwilioWebhookReaderTests
{
    private const string AuthToken = "reader-test-token";
    private static readonly Uri s_publicBase = new("https://referrals.example/");

    private readonly TwilioWebhookReader _reader = new(
        new TwilioWebhookVerifier(Options.Create(new TwilioOptions { AuthToken = AuthToken, PublicBaseUrl = s_publicBase })),
        NullLogger<TwilioWebhookReader>.Instance);

    private static readonly KeyValuePair<string, string>[] s_fields =
        [new("MessageSid", "SM" + new string('a', 32)), new("MessageStatus", "delivered")];

    [Fact]
    public async Task A_signed_form_is_read_with_each_field()
    {
        var request = Request(Form(s_fields), Sign(s_fields));

        var read = await _reader.ReadAsync(request, CancellationToken.None);

        var signed = Assert.IsType<TwilioWebhookReadResult.Signed>(read);
        Assert.Equal("delivered", signed.Form["MessageStatus"].ToString());
        Assert.Equal(2, signed.Form.Count);
    }

    [Fact]
    public async Task A_charset_of_utf_8_is_accepted()
    {
        var request = Request(Form(s_fields), Sign(s_fields), "application/x-www-form-urlencoded; charset=UTF-8");

        Assert.IsType<TwilioWebhookReadResult.Signed>(await _reader.ReadAsync(request, CancellationToken.None));
    }

    [Fact]
    public async Task No_signature_header_is_403_before_the_body_is_read()
    {
        var body = new TrackingStream(Form(s_fields));
        var request = Request(body, signature: null);

        var read = await _reader.ReadAsync(request, CancellationToken.None);

        Assert.Equal(403, Assert.IsType<TwilioWebhookReadResult.Rejected>(read).StatusCode);
        Assert.Equal(0, body.BytesRead);
    }

    [Fact]
    public async Task A_wrong_signature_is_403()
    {
        var request = Request(Form(s_fields), TwilioSignature.Compute("another-token", s_publicBase + "api/twilio/status", s_fields));

        var read = await _reader.ReadAsync(request, CancellationToken.None);

        Assert.Equal(403, Assert.IsType<TwilioWebhookReadResult.Rejected>(read).StatusCode);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded; charset=iso-8859-1")]
    [InlineData("not a media type")]
    [InlineData(null)]
    public async Task Another_content_type_is_415_before_the_body_is_read(string? contentType)
    {
        var body = new TrackingStream(Form(s_fields));
        var request = Request(body, Sign(s_fields), contentType);

        var read = await _reader.ReadAsync(request, CancellationToken.None);

        Assert.Equal(415, Assert.IsType<TwilioWebhookReadResult.Rejected>(read).StatusCode);
        Assert.Equal(0, body.BytesRead);
    }

    [Fact]
    public async Task A_declared_length_over_the_cap_is_413_before_the_body_is_read()
    {
        var body = new TrackingStream(Form(s_fields));
        var request = Request(body, Sign(s_fields));
        request.ContentLength = TwilioWebhookReader.MaxBodyBytes + 1;

        var read = await _reader.ReadAsync(request, CancellationToken.None);

        Assert.Equal(413, Assert.IsType<TwilioWebhookReadResult.Rejected>(read).StatusCode);
        Assert.Equal(0, body.BytesRead);
    }

    [Fact]
    public async Task An_undeclared_body_over_the_cap_is_413_after_reading_one_byte_more_than_the_cap()
    {
        var body = new TrackingStream(Form([new("Body", new string('x', 5 * 1024 * 1024))]));
        var request = Request(body, "c2lnbmF0dXJl");

        var read = await _reader.ReadAsync(request, CancellationToken.None);

        Assert.Equal(413, Assert.IsType<TwilioWebhookReadResult.Rejected>(read).StatusCode);
        Assert.Equal(TwilioWebhookReader.MaxBodyBytes + 1, body.BytesRead);
    }

    [Fact]
    public async Task A_malformed_form_is_400_even_when_signed()
    {
        var request = Request(new MemoryStream("Body=STOP%00"u8.ToArray()), Sign([new("Body", "STOP\0")]));

        var read = await _reader.ReadAsync(request, CancellationToken.None);

        var rejected = Assert.IsType<TwilioWebhookReadResult.Rejected>(read);
        Assert.Equal(400, rejected.StatusCode);
        Assert.DoesNotContain("STOP", rejected.Detail, StringComparison.Ordinal);
    }

    private static string Sign(IEnumerable<KeyValuePair<string, string>> fields) =>
        TwilioSignature.Compute(AuthToken, s_publicBase + "api/twilio/status", fields);

    private static MemoryStream Form(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var body = string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
        return new MemoryStream(Encoding.ASCII.GetBytes(body));
    }

    private static HttpRequest Request(Stream body, string? signature,
        string? contentType = "application/x-www-form-urlencoded")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = "/api/twilio/status";
        context.Request.ContentType = contentType;
        context.Request.Body = body;
        if (signature is not null)
        {
            context.Request.Headers[TwilioWebhookVerifier.SignatureHeader] = signature;
        }

        return context.Request;
    }

    private sealed class TrackingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            BytesRead += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
