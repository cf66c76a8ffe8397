using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Finsam.Testing;

/// <summary>
/// A TCP forwarder between a service and the broker that a test can cut: <see cref="Block"/> drops every
/// open connection and refuses new ones, as a broker outage or a network partition would;
/// <see cref="Unblock"/> lets traffic through again. Only this test's connections are affected.
/// </summary>
public sealed class TcpChaosProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Guid, (TcpClient Client, TcpClient Upstream)> _connections = new();
    private volatile bool _blocked;

    public TcpChaosProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptLoopAsync();
    }

    public int Port { get; }

    public void Block()
    {
        _blocked = true;
        foreach (var (id, pair) in _connections)
        {
            pair.Client.Close();
            pair.Upstream.Close();
            _connections.TryRemove(id, out _);
        }
    }

    public void Unblock() => _blocked = false;

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            if (_blocked)
            {
                client.Close();
                continue;
            }

            var upstream = new TcpClient();
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
            }
            catch (SocketException)
            {
                client.Close();
                upstream.Dispose();
                continue;
            }

            var id = Guid.NewGuid();
            _connections[id] = (client, upstream);
            _ = PumpAsync(id, client.GetStream(), upstream.GetStream());
            _ = PumpAsync(id, upstream.GetStream(), client.GetStream());
        }
    }

    private async Task PumpAsync(Guid id, NetworkStream from, NetworkStream to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
            {
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception)
        {
            // Either side closed (or Block() closed both): end this connection.
        }
        finally
        {
            if (_connections.TryRemove(id, out var pair))
            {
                pair.Client.Close();
                pair.Upstream.Close();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Block();
        _stop.Dispose();
    }
}
