using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Finsam.Platform.Security;
using Finsam.Testing;
using Grpc.Core;
using Grpc.Net.Client;

namespace Finsam.EndToEndTests;

/// <summary>
/// The whole system as separate processes: reporting, activities, participants and the gateway, each
/// `dotnet Finsam.X.dll` on its own port, with LiteDB files in a temp folder and a private RabbitMQ
/// virtual host. Participants reaches the broker through a <see cref="TcpChaosProxy"/> so a test can
/// cut it off. Tests talk only to the gateway, over the network, REST and native gRPC.
/// </summary>
public sealed class FinsamSystem : IAsyncLifetime
{
    private readonly Dictionary<string, int> _ports = new()
    {
        ["participants"] = FreePort.Next(),
        ["activities"] = FreePort.Next(),
        ["reporting"] = FreePort.Next(),
        ["gateway-http"] = FreePort.Next(),
        ["gateway-grpc"] = FreePort.Next(),
    };

    private RabbitMqTestVirtualHost? _broker;
    private int _registrations;

    public TempDirectory Data { get; } = new("finsam-e2e");

    public TcpChaosProxy ParticipantsBrokerLink { get; } = new(RabbitMqTestVirtualHost.Port);

    public RabbitMqTestVirtualHost Broker => _broker ?? throw new InvalidOperationException("Not started.");

    public ServiceProcess Participants { get; private set; } = null!;

    public ServiceProcess Activities { get; private set; } = null!;

    public ServiceProcess Reporting { get; private set; } = null!;

    public ServiceProcess Gateway { get; private set; } = null!;

    public HttpClient Rest { get; private set; } = null!;

    public int GatewayGrpcPort => _ports["gateway-grpc"];

    /// <summary>A service's own HTTP/2 port, for tests that bypass the gateway on purpose.</summary>
    public int ServicePort(string name) => _ports[name];

    public GrpcChannel Grpc { get; private set; } = null!;

    /// <summary>REST as an administratör, who keeps the catalogue (insatser, course formats, leaders).</summary>
    public HttpClient AdminRest { get; private set; } = null!;

    /// <summary>Native gRPC as the same administratör.</summary>
    public GrpcChannel AdminGrpc { get; private set; } = null!;

    public IEnumerable<ServiceProcess> All => [Gateway, Participants, Activities, Reporting];

    /// <summary>This run's signing key and issuer, as `./finsam run` makes one per machine.</summary>
    public AuthOptions Auth { get; } = new() { SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };

    /// <summary>The caller of <see cref="Rest"/> and <see cref="Grpc"/>: a samordnare in no insats, who may register people and read back what they registered.</summary>
    public const string DefaultSubject = "e2e-samordnare";

    public const string AdminSubject = "e2e-administrator";

    /// <summary>A token for a caller; each test picks its own subject so decisions about one caller don't leak into another test.</summary>
    public string Token(string role, string? subject = null, string? agency = null, IEnumerable<string>? insatser = null, TimeSpan? lifetime = null, DateTime? now = null) =>
        DevTokens.Mint(Auth, subject ?? $"{role}-{Guid.NewGuid():N}", role, agency, insatser, lifetime, now);

    /// <summary>A REST client through the gateway, calling as the token's holder. The caller disposes it.</summary>
    public HttpClient RestAs(string token, string? purpose = null)
    {
        var client = new HttpClient { BaseAddress = Rest.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (purpose is not null)
        {
            client.DefaultRequestHeaders.Add("x-finsam-purpose", purpose);
        }

        return client;
    }

    /// <summary>A native gRPC channel to the gateway whose calls carry the token. The caller disposes it.</summary>
    public GrpcChannel GrpcAs(string token) => GrpcChannel.ForAddress(
        $"http://127.0.0.1:{_ports["gateway-grpc"]}",
        new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(
                ChannelCredentials.Insecure,
                CallCredentials.FromInterceptor((_, metadata) =>
                {
                    metadata.Add("Authorization", $"Bearer {token}");
                    return Task.CompletedTask;
                })),
            // The test gateway speaks cleartext h2c; production runs HTTPS (deploy/).
            UnsafeUseInsecureChannelCallCredentials = true,
        });

    public async ValueTask InitializeAsync()
    {
        _broker = await RabbitMqTestVirtualHost.CreateAsync();
        // Consumers first, so their queues are bound before anything is published.
        Reporting = StartService("reporting");
        Activities = StartService("activities");
        Participants = StartService("participants");
        Gateway = StartGateway();

        Rest = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_ports["gateway-http"]}"), Timeout = TimeSpan.FromSeconds(30) };
        var defaultToken = Token(Roles.Samordnare, DefaultSubject);
        Rest.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", defaultToken);
        Grpc = GrpcAs(defaultToken);
        var adminToken = Token(Roles.Administrator, AdminSubject);
        AdminRest = RestAs(adminToken);
        AdminGrpc = GrpcAs(adminToken);
        await WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
    }

    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        await Eventually.ReturnsAsync(
            async () =>
            {
                try
                {
                    using var response = await Rest.GetAsync("/healthz");
                    return response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            healthy => healthy || All.Any(p => p.HasExited),
            timeout,
            "the gateway to report every service SERVING");
        var exited = All.FirstOrDefault(p => p.HasExited);
        if (exited is not null)
        {
            throw new InvalidOperationException($"{exited.Name} exited during start:\n{exited.Output}");
        }
    }

    /// <summary>Stops a service gracefully and starts it again on the same port and data.</summary>
    public async Task<ServiceProcess> RestartAsync(string name)
    {
        var old = name switch
        {
            "participants" => Participants,
            "reporting" => Reporting,
            "activities" => Activities,
            _ => throw new ArgumentException(name),
        };
        await old.DisposeAsync();
        var started = StartService(name);
        switch (name)
        {
            case "participants": Participants = started; break;
            case "reporting": Reporting = started; break;
            default: Activities = started; break;
        }

        await WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
        return started;
    }

    /// <summary>Tests call this after each registration the system accepted.</summary>
    public void CountRegistration(int count = 1) => Interlocked.Add(ref _registrations, count);

    /// <summary>
    /// The summary once every registration made so far has reached reporting. Tests compare against this,
    /// so an earlier test's event still in flight can't shift their counts.
    /// </summary>
    public Task<SummaryJson> SettledSummaryAsync() => Eventually.ReturnsAsync(
        () => GetJsonAsync<SummaryJson>("/v1/reports/summary"),
        s => s.RegisteredParticipants == Volatile.Read(ref _registrations),
        TimeSpan.FromSeconds(60),
        "reporting to have counted every registration made so far");

    public async Task<T> GetJsonAsync<T>(string path)
    {
        using var response = await Rest.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    private ServiceProcess StartService(string name)
    {
        var brokerPort = name == "participants" ? ParticipantsBrokerLink.Port : RabbitMqTestVirtualHost.Port;
        var settings = new List<KeyValuePair<string, string?>>(Broker.Settings(brokerPort))
        {
            new("Kestrel:Endpoints:Grpc:Url", $"http://127.0.0.1:{_ports[name]}"),
            new("Storage:Provider", "LiteDb"),
            new("Storage:LiteDbDirectory", Data.Path),
            new("Auth:SigningKey", Auth.SigningKey),
            new("Services:Activities", $"http://127.0.0.1:{_ports["activities"]}"),
        };
        var title = char.ToUpperInvariant(name[0]) + name[1..];
        return ServiceProcess.Start($"services/{name}", title, settings);
    }

    private ServiceProcess StartGateway()
    {
        var settings = new List<KeyValuePair<string, string?>>
        {
            new("Kestrel:Endpoints:Http:Url", $"http://127.0.0.1:{_ports["gateway-http"]}"),
            new("Kestrel:Endpoints:Grpc:Url", $"http://127.0.0.1:{_ports["gateway-grpc"]}"),
        };
        foreach (var service in new[] { "participants", "activities", "reporting" })
        {
            settings.Add(new($"ReverseProxy:Clusters:{service}:Destinations:primary:Address", $"http://127.0.0.1:{_ports[service]}"));
        }

        return ServiceProcess.Start("gateway", "Gateway", settings);
    }

    public async ValueTask DisposeAsync()
    {
        Grpc?.Dispose();
        Rest?.Dispose();
        AdminGrpc?.Dispose();
        AdminRest?.Dispose();
        foreach (var process in new[] { Gateway, Participants, Activities, Reporting })
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }

        await ParticipantsBrokerLink.DisposeAsync();
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }

        Data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<FinsamSystem>
{
    public const string Name = "running system";
}
