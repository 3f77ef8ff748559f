using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;

namespace Referrals.LocalHost.Durable;

/// <summary>
/// The loopback port the sidecar listens on and the one gRPC channel the SDK worker and client share. The port is
/// chosen before the host starts because the worker and client are configured with the channel at registration.
/// </summary>
public sealed class DurableEngineChannel : IDisposable
{
    public DurableEngineChannel(int port)
    {
        Port = port == 0 ? FreeLoopbackPort() : port;
        Address = new Uri($"http://127.0.0.1:{Port}");
        Channel = GrpcChannel.ForAddress(Address);
    }

    public int Port { get; }

    public Uri Address { get; }

    public GrpcChannel Channel { get; }

    public void Dispose() => Channel.Dispose();

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
