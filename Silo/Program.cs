using Recsys.Silo.Hosting;

if (!SiloCommandLine.TryParse(args, out var options, out var error))
{
    Console.Error.WriteLine(error);
    return 2;
}

if (PortCheck.FirstProblem(options) is { } problem)
{
    Console.Error.WriteLine(problem);
    return 2;
}

var app = SiloApplication.Build(options);
app.Logger.LogInformation("Recsys silo: data in {Database}, HTTP on {Urls}, sample {Sample}", options.DatabasePath, options.Urls, options.LoadSample ? "on" : "off");
await app.RunAsync();
return 0;
