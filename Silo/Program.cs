using Recsys.Grains;
using Recsys.Runtime.Hosting;
using Recsys.Silo.Api;
using Recsys.Silo.Hosting;

if (!SiloCommandLine.TryParse(args, out var options, out var error))
{
    Console.Error.WriteLine(error);
    return 2;
}

Directory.CreateDirectory(Path.GetFullPath(options.DataDirectory));
var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseUrls(options.Urls);
builder.Services.AddProblemDetails();
builder.Services.AddRecsysSilo(silo =>
{
    silo.AddGrainAssembly(GrainsAssembly.Assembly);
    silo.AddSqliteGrainStorage("Default", o => o.FilePath = options.DatabasePath);
    silo.UseSqliteReminders(o => o.FilePath = options.DatabasePath);
});

var app = builder.Build();
app.UseExceptionHandler();
app.MapHealth();
app.Logger.LogInformation("Recsys silo: data in {Database}, HTTP on {Urls}", options.DatabasePath, options.Urls);
await app.RunAsync();
return 0;
