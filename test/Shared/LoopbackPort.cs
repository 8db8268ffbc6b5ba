using System.Net;
using System.Net.Sockets;

namespace Hindsight.Testing;

/// <summary>A loopback port nothing listens on at the moment of asking.</summary>
internal static class LoopbackPort
{
    /// <summary>A port the system just handed out and took back.</summary>
    public static int Free()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
