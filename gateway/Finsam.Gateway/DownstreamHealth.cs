using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Yarp.ReverseProxy.Configuration;

namespace Finsam.Gateway;

/// <summary>
/// Asks every cluster's first destination for its grpc.health.v1 status. The answer lists each service,
/// so an operator sees which one is down rather than just "unhealthy".
/// </summary>
public sealed class DownstreamHealth(IProxyConfigProvider proxyConfig) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<string, GrpcChannel> _channels = new();

    public async Task<IReadOnlyDictionary<string, string>> CheckAllAsync(CancellationToken cancellationToken)
    {
        var clusters = proxyConfig.GetConfig().Clusters;
        var checks = clusters.Select(async cluster =>
        {
            var address = cluster.Destinations?.Values.FirstOrDefault()?.Address;
            return (cluster.ClusterId, Status: address is null ? "NO_DESTINATION" : await CheckAsync(address, cancellationToken));
        });
        var results = await Task.WhenAll(checks);
        return results.OrderBy(r => r.ClusterId, StringComparer.Ordinal).ToDictionary(r => r.ClusterId, r => r.Status);
    }

    private async Task<string> CheckAsync(string address, CancellationToken cancellationToken)
    {
        var channel = _channels.GetOrAdd(address, a => GrpcChannel.ForAddress(a));
        try
        {
            var reply = await new Health.HealthClient(channel).CheckAsync(
                new HealthCheckRequest(),
                deadline: DateTime.UtcNow.Add(Timeout),
                cancellationToken: cancellationToken);
            return reply.Status.ToString().ToUpperInvariant() switch
            {
                "SERVING" => "SERVING",
                "NOTSERVING" => "NOT_SERVING",
                var other => other,
            };
        }
        catch (RpcException ex)
        {
            return ex.StatusCode == StatusCode.DeadlineExceeded ? "TIMEOUT" : "UNREACHABLE";
        }
    }

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }
    }
}
