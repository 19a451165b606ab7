using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Recsys.Silo.Hosting;

/// <summary>
/// Binds the HTTP API to the --urls addresses with explicit Kestrel listeners. (The runtime binds its silo and
/// gateway ports with KestrelServerOptions.Listen, and once any explicit listener exists Kestrel ignores UseUrls,
/// so the API must be bound the same way.) After start, <see cref="BoundPorts"/> tells which ports were taken,
/// which is how tests find the API started on port 0.
/// </summary>
public sealed class HttpEndpoints
{
    private readonly List<ListenOptions> _listeners = [];

    public IReadOnlyList<int> BoundPorts => _listeners.Select(l => l.IPEndPoint?.Port ?? 0).ToArray();

    public void Bind(KestrelServerOptions kestrel, string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var uri = new Uri(url);
            if (uri.Host is "localhost")
            {
                kestrel.ListenLocalhost(uri.Port, _listeners.Add);
            }
            else
            {
                kestrel.Listen(IPAddress.Parse(uri.Host.Trim('[', ']')), uri.Port, _listeners.Add);
            }
        }
    }
}
