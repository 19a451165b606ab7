using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Recsys.Runtime.Configuration.Options;
using Recsys.Silo.Api;
using Recsys.Silo.Hosting;

namespace Recsys.Silo.Tests.Support;

/// <summary>
/// The real silo process (SiloApplication) on real Kestrel at 127.0.0.1 port 0, with its SQLite database in a
/// fresh temp folder and no sample data; an HttpClient pointed at it.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    private ApiHost(WebApplication app, string directory, HttpClient client)
    {
        _app = app;
        _directory = directory;
        Client = client;
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<ApiHost> StartAsync(Action<WebApplicationBuilder>? customize = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "recsys-silo-tests", Guid.NewGuid().ToString("N"));
        var options = new SiloHostOptions { DataDirectory = directory, Urls = "http://127.0.0.1:0", LoadSample = false };
        var (siloPort, gatewayPort) = (FreePort(), FreePort());
        var app = SiloApplication.Build(options, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Services.Configure<EndpointOptions>(e => (e.SiloPort, e.GatewayPort) = (siloPort, gatewayPort));
            customize?.Invoke(builder);
        });
        await app.StartAsync();
        var port = app.Services.GetRequiredService<HttpEndpoints>().BoundPorts.Single();
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        return new ApiHost(app, directory, client);
    }

    public Task<HttpResponseMessage> PostAsync(string path, object body) => Client.PostAsJsonAsync(path, body, ApiJson.Options);

    public Task<HttpResponseMessage> PostRawAsync(string path, string json) =>
        Client.PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // a pooled connection may hold the file a moment; temp is cleaned eventually
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
