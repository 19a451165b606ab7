using System.Diagnostics;
using Recsys.Silo.Hosting;

namespace Recsys.Silo.Tests;

[Trait("Category", "BVT")]
[Trait("Area", "Hosting")]
public sealed class SiloCommandLineTests
{
    [Fact]
    public void The_sample_is_on_by_default_and_its_size_and_absence_can_be_chosen()
    {
        Assert.True(SiloCommandLine.TryParse([], out var defaults, out _));
        Assert.True(SiloCommandLine.TryParse(["--no-sample", "--data-dir", "/tmp/x"], out var none, out _));
        Assert.True(SiloCommandLine.TryParse(["--sample-users", "500"], out var small, out _));

        Assert.True(defaults.LoadSample);
        Assert.Equal("http://127.0.0.1:5080", defaults.Urls);
        Assert.Equal((false, "/tmp/x"), (none.LoadSample, none.DataDirectory));
        Assert.Equal(500, small.SampleUsers);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--sample-users", "few")]
    [InlineData("--urls", "http://example.org:80")]
    [InlineData("--data-dir")]
    public void Bad_options_are_refused_with_one_line(params string[] args)
    {
        Assert.False(SiloCommandLine.TryParse(args, out _, out var error));
        Assert.DoesNotContain('\n', error);
        Assert.NotEmpty(error);
    }

    [Fact]
    public async Task The_process_exits_with_code_2_and_one_line_on_stderr_for_an_unknown_option()
    {
        var silo = Path.Combine(AppContext.BaseDirectory, "Silo.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [silo, "--bogus"]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Equal("unknown option '--bogus' (known: --data-dir, --urls, --no-sample, --sample-users, --cluster, --silo-port, --gateway-port, --cluster-id, --cluster-key)", stderr.Trim());
    }
}
