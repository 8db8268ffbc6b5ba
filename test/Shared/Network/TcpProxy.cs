using System.Net;
using System.Net.Sockets;

namespace Hindsight.Testing;

/// <summary>
/// A loopback TCP proxy to a server that can be taken down and brought back: down, it cuts every open connection and
/// refuses new ones, as a database that stops would. For outage tests without stopping the real server.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private CancellationTokenSource _running = new();

    /// <summary>Starts a proxy to <paramref name="target"/> on a free loopback port.</summary>
    public TcpProxy(IPEndPoint target)
    {
        _target = target;
        Port = LoopbackPort.Free();
        Up();
    }

    /// <summary>The port clients connect to.</summary>
    public int Port { get; }

    /// <summary>Accepts connections again, on the same port.</summary>
    public void Up()
    {
        _running = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = AcceptAsync(_listener, _running.Token);
    }

    /// <summary>Cuts every connection and refuses new ones.</summary>
    public async Task DownAsync()
    {
        await _running.CancelAsync();
        _listener?.Stop();
        lock (_open)
        {
            foreach (var client in _open)
            {
                try
                {
                    client.Client?.LingerState = new LingerOption(true, 0); // a reset, as a server that dies sends
                }
                catch (ObjectDisposedException)
                {
                    // its pump closed it already
                }

                client.Dispose();
            }

            _open.Clear();
        }
    }

    public async ValueTask DisposeAsync() => await DownAsync();

    private async Task AcceptAsync(TcpListener listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(stop);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var outbound = new TcpClient();
            try
            {
                await outbound.ConnectAsync(_target, stop);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException)
            {
                inbound.Dispose();
                outbound.Dispose();
                continue;
            }

            lock (_open)
            {
                _open.Add(inbound);
                _open.Add(outbound);
            }

            _ = PumpAsync(inbound, outbound, stop);
            _ = PumpAsync(outbound, inbound, stop);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken stop)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), stop);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or SocketException or InvalidOperationException)
        {
            // the other side or the outage closed it
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }
}
