namespace Recsys.Silo.Tests.Support;

/// <summary>One API host shared by the tests of a class (each test uses its own ids).</summary>
public sealed class ApiHostFixture : IAsyncLifetime
{
    private ApiHost? _host;

    public ApiHost Host => _host ?? throw new InvalidOperationException("The host is not started.");

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
