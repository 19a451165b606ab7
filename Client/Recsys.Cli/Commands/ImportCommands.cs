using System.CommandLine;
using System.Diagnostics;
using Recsys.Grains.BulkLoad;
using Recsys.Grains.Import;
using Spectre.Console;

namespace Recsys.Cli.Commands;

/// <summary>
/// recsys import higgs FILE | recsys import edges FILE [--undirected] [--weight-column N] [--min-weight W]: through
/// the gateway, or straight into a database with --bulk-sqlite / --bulk-postgres (no silo may be using it).
/// </summary>
public static class ImportCommands
{
    public static Command Build(CliContext cli)
    {
        var import = new Command("import", "Import a public data set: users, follows, posts and engagements");
        import.Subcommands.Add(Higgs(cli));
        import.Subcommands.Add(Edges(cli));
        return import;
    }

    private static Command Higgs(CliContext cli)
    {
        var shared = new ImportOptions();
        var command = new Command("higgs", "The SNAP Higgs activity log (userA userB time RT|MT|RE, plain or gzip)");
        shared.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(cli, shared, parse, path =>
            HiggsPlanner.Plan(HiggsActivityReader.Read(path), DateTimeOffset.UtcNow, parse.GetValue(shared.ShiftToNow), path), cancellationToken));
        return command;
    }

    private static Command Edges(CliContext cli)
    {
        var shared = new ImportOptions();
        var undirected = new Option<bool>("--undirected") { Description = "Each edge is a follow both ways" };
        var weightColumn = new Option<int?>("--weight-column") { Description = "1-based column of the edge weight" };
        var minWeight = new Option<double?>("--min-weight") { Description = "Skip edges whose weight is below this (needs --weight-column)" };
        var timeColumn = new Option<int?>("--time-column") { Description = "1-based column of the edge's Unix time in seconds" };
        var idOffset = new Option<long>("--id-offset") { Description = "Added to every node id (user ids must be positive)" };
        var command = new Command("edges", "A SNAP edge list (comma or whitespace separated, '#' comments): users and follows")
        {
            undirected, weightColumn, minWeight, timeColumn, idOffset,
        };
        shared.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(cli, shared, parse, path =>
        {
            var options = new EdgeListOptions
            {
                Undirected = parse.GetValue(undirected),
                WeightColumn = parse.GetValue(weightColumn),
                MinWeight = parse.GetValue(minWeight),
                TimeColumn = parse.GetValue(timeColumn),
                IdOffset = parse.GetValue(idOffset),
            };
            return EdgeListPlanner.Plan(EdgeListReader.Read(path, options), options, DateTimeOffset.UtcNow, parse.GetValue(shared.ShiftToNow), path);
        }, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ImportOptions options, ParseResult parse, Func<string, ImportPlan> plan, CancellationToken cancellationToken)
    {
        var (sqlite, postgres) = (parse.GetValue(options.BulkSqlite), parse.GetValue(options.BulkPostgres));
        if (sqlite is not null && postgres is not null)
        {
            throw new CliInputException("--bulk-sqlite and --bulk-postgres are exclusive: choose one target");
        }

        if (parse.GetValue(options.BatchSize) < 1 || parse.GetValue(options.ConcurrentBatches) < 1)
        {
            throw new CliInputException("--batch-size and --concurrent-batches must be at least 1");
        }

        var clock = Stopwatch.StartNew();
        var loaded = plan(parse.GetValue(options.File)!.FullName);
        cli.Output.WriteLine($"read {loaded.Source}: {loaded.Users.Count:N0} users, {loaded.Posts.Count:N0} posts, {loaded.Follows.Count:N0} follows, " +
            $"{loaded.Engagements.Count:N0} engagements ({loaded.Skipped:N0} lines skipped), times shifted by {loaded.Shift.TotalDays:N1} days, in {clock.Elapsed.TotalSeconds:N1} s");
        if (parse.GetValue(options.DryRun))
        {
            return ExitCodes.Ok;
        }

        clock.Restart();
        ImportResult result;
        if (sqlite is not null || postgres is not null)
        {
            BulkTarget target = sqlite is not null ? new SqliteBulkTarget(sqlite.FullName) : new PostgresBulkTarget(postgres!);
            var bulk = await ImportProgressBars.RunAsync(cli.Console, progress => new BulkLoader(target, new BulkLoadOptions()).LoadAsync(loaded, progress, cancellationToken));
            if (target is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }

            cli.Output.WriteLine($"bulk: {bulk.StatesWritten:N0} grain states and {bulk.RowsWritten:N0} log rows written to {target.Description} in {bulk.Totals.Transactions:N0} transactions " +
                $"(load {bulk.LoadTime.TotalSeconds:N1} s, deactivate {bulk.DeactivateTime.TotalSeconds:N1} s, write {bulk.WriteTime.TotalSeconds:N1} s)");
            result = bulk.Import;
        }
        else
        {
            await using var client = await cli.ConnectAsync(parse, cancellationToken);
            var runner = new ImportRunner(client.GrainFactory, new ImportRunnerOptions { BatchSize = parse.GetValue(options.BatchSize), ConcurrentBatches = parse.GetValue(options.ConcurrentBatches) });
            result = await ImportProgressBars.RunAsync(cli.Console, progress => runner.RunAsync(loaded, progress));
        }

        var seconds = clock.Elapsed.TotalSeconds;
        cli.Output.WriteLine($"imported in {seconds:N1} s: {result.Users:N0} users, {result.Posts:N0} posts, {result.Accepted:N0} events accepted " +
            $"({(result.Accepted + result.Duplicates) / Math.Max(seconds, 1e-9):N0} events/s), {result.Duplicates:N0} already known, {result.Rejected:N0} rejected");
        cli.Output.WriteLine("  stages: " + string.Join(", ", result.Stages.Select(s => $"{s.Stage} {s.Elapsed.TotalSeconds:N1} s")));
        foreach (var rejection in result.FirstRejections)
        {
            cli.Output.WriteLine("  rejected " + rejection);
        }

        return ExitCodes.Ok;
    }

    private sealed class ImportOptions
    {
        public Argument<FileInfo> File { get; } = new("file") { Description = "The input file (plain text or gzip)" };

        public Option<bool> ShiftToNow { get; } = new("--shift-to-now") { Description = "Shift times so the newest event is now (default true)", DefaultValueFactory = _ => true };

        public Option<FileInfo?> BulkSqlite { get; } = new("--bulk-sqlite") { Description = "Bulk load into this SQLite database (stop silos using it first)" };

        public Option<string?> BulkPostgres { get; } = new("--bulk-postgres") { Description = "Bulk load into this PostgreSQL database (Npgsql connection string; stop silos first)" };

        public Option<int> BatchSize { get; } = new("--batch-size") { Description = "Events per ingestion call", DefaultValueFactory = _ => ImportRunnerOptions.DefaultBatchSize };

        public Option<int> ConcurrentBatches { get; } = new("--concurrent-batches") { Description = "Ingestion calls in flight", DefaultValueFactory = _ => ImportRunnerOptions.DefaultConcurrentBatches };

        public Option<bool> DryRun { get; } = new("--dry-run") { Description = "Read and plan only; load nothing" };

        public void AddTo(Command command)
        {
            command.Arguments.Add(File);
            foreach (var option in new Option[] { ShiftToNow, BulkSqlite, BulkPostgres, BatchSize, ConcurrentBatches, DryRun })
            {
                command.Options.Add(option);
            }
        }
    }
}
