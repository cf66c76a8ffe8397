using Finsam.Platform.Security;
using System.Diagnostics;
using System.Text.Json;
using Finsam.Testing;

namespace Finsam.EndToEndTests;

/// <summary>
/// An independent gRPC implementation (Python grpcio over the C core, from Debian's python3-grpcio)
/// calls the gateway's native gRPC port: the contract works for callers that don't share our stack.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class InteropTests(FinsamSystem system)
{
    private const string Python = "/usr/bin/python3";

    [Fact]
    public async Task Python_grpcio_peer_registers_reads_and_gets_rich_errors()
    {
        // test.sh installs python3-grpcio and python3-grpc-tools; a developer without them sees why this is skipped.
        Assert.SkipUnless(File.Exists(Python) && await CanImportGrpcAsync(), "python3-grpcio/python3-grpc-tools are not installed (./test.sh installs them)");

        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "tests", "interop", "grpc_peer.py"));
        start.ArgumentList.Add($"127.0.0.1:{system.GatewayGrpcPort}");
        start.ArgumentList.Add(TestPersonnummer.Next(1955));
        start.ArgumentList.Add(system.Token(Roles.Samordnare));
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"python peer failed: {await stderr}\n{await stdout}");
        system.CountRegistration();

        using var seen = JsonDocument.Parse((await stdout).Trim().Split('\n')[^1]);
        var root = seen.RootElement;
        Assert.True(Guid.TryParse(root.GetProperty("participantId").GetString(), out _));
        Assert.True(root.GetProperty("readBack").GetBoolean());
        Assert.Equal(1955, root.GetProperty("birthYear").GetInt32());
        Assert.Equal("INVALID_ARGUMENT", root.GetProperty("invalidCode").GetString());
        Assert.Equal(["personnummer"], root.GetProperty("invalidFields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("ALREADY_EXISTS", root.GetProperty("duplicateCode").GetString());
    }

    private static async Task<bool> CanImportGrpcAsync()
    {
        using var probe = Process.Start(new ProcessStartInfo(Python, ["-c", "import grpc, grpc_tools"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        await probe.WaitForExitAsync();
        return probe.ExitCode == 0;
    }
}
