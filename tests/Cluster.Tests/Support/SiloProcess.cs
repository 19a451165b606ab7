using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Recsys.Cluster.Tests.Support;

/// <summary>
/// A real `dotnet Silo.dll` process. Its console log is watched line by line, so a test waits for what the silo
/// says (started, declared a peer dead) instead of sleeping.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _watches = [];
    private readonly List<string> _lines = [];

    private SiloProcess(Process process, int gatewayPort)
    {
        _process = process;
        GatewayPort = gatewayPort;
        Started = WaitForLine(line => line.Contains(" started with ", StringComparison.Ordinal));
    }

    public int GatewayPort { get; }

    /// <summary>Completes with the "Silo host:port@generation started ..." line.</summary>
    public Task<string> Started { get; }

    public string Log
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    public static SiloProcess Start(string clusterConnectionString, string clusterId, string clusterKey, IReadOnlyDictionary<string, string> environment)
    {
        var (siloPort, gatewayPort, httpPort) = (FreePort(), FreePort(), FreePort());
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { SiloDll(), "--cluster", clusterConnectionString, "--cluster-id", clusterId, "--silo-port", siloPort.ToString(),
                     "--gateway-port", gatewayPort.ToString(), "--urls", $"http://127.0.0.1:{httpPort}", "--no-sample" })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["RECSYS_CLUSTER_KEY"] = clusterKey;
        info.Environment["Logging__Console__FormatterName"] = "simple";
        info.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        var silo = new SiloProcess(process, gatewayPort);
        process.OutputDataReceived += (_, e) => silo.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => silo.OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>The silo address it logged on start.</summary>
    public static string AddressIn(string startedLine)
    {
        var words = startedLine.Split(' ');
        return words[Array.IndexOf(words, "started") - 1];
    }

    public Task<string> WaitForLine(Func<string, bool> match)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lines)
        {
            var already = _lines.FirstOrDefault(match);
            if (already is not null)
            {
                seen.SetResult(already);
            }
            else
            {
                _watches.Add((match, seen));
            }
        }

        return seen.Task;
    }

    /// <summary>Kills the process at once: no goodbye to anyone.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
            foreach (var watch in _watches.Where(w => w.Match(line)).ToList())
            {
                _watches.Remove(watch);
                watch.Seen.TrySetResult(line);
            }
        }
    }

    private static string SiloDll()
    {
        // tests/Cluster.Tests/bin/<Configuration>/net10.0 → Silo/bin/<Configuration>/net10.0/Silo.dll
        var testBin = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testBin.Parent!.Name;
        var root = testBin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Recsys.sln")))
        {
            root = root.Parent;
        }

        var dll = Path.Combine(root?.FullName ?? ".", "Silo", "bin", configuration, "net10.0", "Silo.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the Silo project first.", dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
