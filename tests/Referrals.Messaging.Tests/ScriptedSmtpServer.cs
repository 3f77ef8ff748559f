using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Referrals.Messaging.Tests;

/// <summary>
/// A tiny SMTP responder on a free port that answers one command with a chosen reply, for the failures MailDev cannot
/// produce (a 5xx recipient rejection, a 4xx greylisting reply). Every other command is accepted.
/// </summary>
internal sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly string _command;
    private readonly string _reply;

    /// <param name="command">"GREETING", "MAIL", "RCPT" or "DATA" (the reply after the message body).</param>
    public ScriptedSmtpServer(string command, string reply)
    {
        _command = command;
        _reply = reply;
        _listener.Start();
        _loop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int MessagesAccepted { get; private set; }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                await ConverseAsync(client.GetStream(), _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ConverseAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync(_command == "GREETING" ? _reply : "220 scripted.example ESMTP");
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            var verb = line.Split(' ', ':')[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO" or "HELO":
                    await writer.WriteLineAsync("250 scripted.example");
                    break;
                case "MAIL" or "RCPT":
                    await writer.WriteLineAsync(_command == verb ? _reply : "250 2.1.0 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 Go ahead");
                    while (await reader.ReadLineAsync(cancellationToken) is { } data && data != ".")
                    {
                    }

                    var accepted = _command != "DATA";
                    MessagesAccepted += accepted ? 1 : 0;
                    await writer.WriteLineAsync(accepted ? "250 2.0.0 Queued" : _reply);
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 OK");
                    break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
