namespace Recsys.Silo.Hosting;

/// <summary>
/// Reads the silo's command line. Unknown or incomplete options are refused with one line and exit code 2,
/// before anything starts, so a typo never runs a silo with defaults the operator did not mean.
/// </summary>
public static class SiloCommandLine
{
    private static readonly string[] Known = ["--data-dir", "--urls", "--no-sample", "--sample-users", "--cluster", "--silo-port", "--gateway-port", "--cluster-id", "--cluster-key"];

    private static readonly string[] Flags = ["--no-sample"];

    public static bool TryParse(string[] args, out SiloHostOptions options, out string error)
    {
        options = new SiloHostOptions();
        error = "";
        var sampleChosen = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var value = i + 1 < args.Length ? args[i + 1] : null;
            if (arg is "--help" or "-h")
            {
                error = "usage: Silo [--data-dir DIR] [--urls http://127.0.0.1:5080] [--no-sample] [--sample-users N] [--cluster \"<Npgsql connection string>\"] [--silo-port 11111] [--gateway-port 30000] [--cluster-id ID] [--cluster-key KEY]";
                return false;
            }

            if (!Known.Contains(arg))
            {
                error = $"unknown option '{arg}' (known: {string.Join(", ", Known)})";
                return false;
            }

            if (Flags.Contains(arg))
            {
                options.LoadSample = false; // --no-sample, the only flag
                sampleChosen = true;
                continue;
            }

            if (string.IsNullOrWhiteSpace(value) || value.StartsWith("--", StringComparison.Ordinal))
            {
                error = $"option '{arg}' needs a value";
                return false;
            }

            i++;
            switch (arg)
            {
                case "--data-dir":
                    options.DataDirectory = value;
                    break;
                case "--urls":
                    if (value.Split(';').Any(url => !Uri.TryCreate(url, UriKind.Absolute, out var uri)
                        || (uri.Host != "localhost" && !System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out _))))
                    {
                        error = $"--urls '{value}' is not a URL such as http://127.0.0.1:5080 (host: an IP address or localhost)";
                        return false;
                    }

                    options.Urls = value;
                    break;
                case "--cluster":
                    try
                    {
                        _ = new Npgsql.NpgsqlConnectionStringBuilder(value);
                    }
                    catch (ArgumentException)
                    {
                        error = $"--cluster '{value}' is not an Npgsql connection string such as \"Host=127.0.0.1;Username=postgres;Database=recsys\"";
                        return false;
                    }

                    options.ClusterConnectionString = value;
                    if (!sampleChosen)
                    {
                        options.LoadSample = false; // in a cluster, load data on purpose (recsys import, or --sample-users on one silo)
                    }

                    break;
                case "--silo-port" or "--gateway-port":
                    if (!int.TryParse(value, out var port) || port is < 1 or > 65535)
                    {
                        error = $"{arg} '{value}' is not a TCP port (1-65535)";
                        return false;
                    }

                    if (arg == "--silo-port")
                    {
                        options.SiloPort = port;
                    }
                    else
                    {
                        options.GatewayPort = port;
                    }

                    break;
                case "--cluster-id":
                    options.ClusterId = value;
                    break;
                case "--cluster-key":
                    options.ClusterKey = value;
                    break;
                case "--sample-users":
                    sampleChosen = true;
                    options.LoadSample = true;
                    if (!int.TryParse(value, out var users) || users < 2)
                    {
                        error = $"--sample-users '{value}' is not a number of users (at least 2)";
                        return false;
                    }

                    options.SampleUsers = users;
                    break;
            }
        }

        return true;
    }
}
