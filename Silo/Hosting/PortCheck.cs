using System.Net;
using System.Net.Sockets;

namespace Recsys.Silo.Hosting;

/// <summary>
/// Before starting, tries each port the silo will listen on, so a port already taken is one clear line naming the
/// option to change, not a host start-up failure with a stack trace.
/// </summary>
public static class PortCheck
{
    public static string? FirstProblem(SiloHostOptions options)
    {
        var http = new Uri(options.Urls.Split(';')[0]);
        var checks = new[]
        {
            (Port: http.Port, Option: "--urls"),
            (Port: options.SiloPort, Option: "--silo-port"),
            (Port: options.GatewayPort, Option: "--gateway-port"),
        };
        foreach (var (port, option) in checks)
        {
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
            }
            catch (SocketException)
            {
                return $"port {port} is already in use; choose another with {option}";
            }
        }

        return null;
    }
}
