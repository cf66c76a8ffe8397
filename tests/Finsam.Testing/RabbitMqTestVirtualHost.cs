using System.Diagnostics;
using RabbitMQ.Client;

namespace Finsam.Testing;

/// <summary>
/// A private virtual host on the real RabbitMQ at 127.0.0.1:5672, so test classes running side by side
/// never see each other's exchanges and queues. Created with rabbitmqctl (the test script starts the
/// broker as root), deleted on dispose.
/// </summary>
public sealed class RabbitMqTestVirtualHost : IAsyncDisposable
{
    private RabbitMqTestVirtualHost(string name) => Name = name;

    public string Name { get; }

    public const string Host = "127.0.0.1";

    public const int Port = 5672;

    public static async Task<RabbitMqTestVirtualHost> CreateAsync()
    {
        var name = $"finsam-test-{Guid.NewGuid():N}";
        await RabbitMqCtlAsync("add_vhost", name);
        await RabbitMqCtlAsync("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        return new RabbitMqTestVirtualHost(name);
    }

    /// <summary>Configuration keys for a service using this virtual host, optionally through another port (a proxy).</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings(int? port = null) =>
    [
        new("RabbitMq:Host", Host),
        new("RabbitMq:Port", (port ?? Port).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("RabbitMq:VirtualHost", Name),
        new("RabbitMq:Username", "guest"),
        new("RabbitMq:Password", "guest"),
    ];

    /// <summary>Messages ready in a queue, or null if the queue doesn't exist.</summary>
    public async Task<uint?> MessageCountAsync(string queue)
    {
        var factory = new ConnectionFactory { HostName = Host, Port = Port, VirtualHost = Name, UserName = "guest", Password = "guest" };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RabbitMqCtlAsync("delete_vhost", Name);
        }
        catch (InvalidOperationException)
        {
            // Cleanup only; a leftover vhost is harmless.
        }
    }

    private static async Task RabbitMqCtlAsync(params string[] arguments)
    {
        var executable = File.Exists("/usr/sbin/rabbitmqctl") ? "/usr/sbin/rabbitmqctl" : "rabbitmqctl";
        // Debian's rabbitmqctl only runs as root or rabbitmq; other users go through non-interactive sudo.
        var asRoot = Environment.UserName is "root" or "rabbitmq";
        var start = new ProcessStartInfo(asRoot ? executable : "sudo") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (!asRoot)
        {
            start.ArgumentList.Add("-n");
            start.ArgumentList.Add(executable);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("rabbitmqctl did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        _ = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed: {await stderr}. Is RabbitMQ running (./test.sh starts it)?");
        }
    }
}
