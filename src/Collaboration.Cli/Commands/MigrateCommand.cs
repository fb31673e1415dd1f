using System.CommandLine;
using System.Globalization;
using Collaboration.Cli.Migration;
using Collaboration.Storage;
using Spectre.Console;

namespace Collaboration.Cli.Commands;

/// <summary><c>collab migrate</c>: a SQLite log, its keys and its read models copied to PostgreSQL, verified, resumable.</summary>
internal static class MigrateCommand
{
    public static Command Create(IAnsiConsole ui)
    {
        var from = new Option<string>("--from") { Description = "The SQLite log to copy (its keys from --keys, default <from>.keys.db)", Required = true };
        var to = new Option<string>("--to") { Description = "The PostgreSQL connection string of the target database (empty, or a copy interrupted earlier)", Required = true };
        var command = new Command("migrate", "Copy a SQLite log to PostgreSQL with positions, ids, timestamps and hashes kept; verify on arrival; resume an interrupted copy") { from, to };
        command.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue(to)!;
            if (!StoreSettings.IsConnectionString(target))
            {
                ui.MarkupLine("[red]--to must be a PostgreSQL connection string (Host=...;Database=...).[/]");
                return 1;
            }

            var source = parse.GetValue(from)!;
            if (!File.Exists(source))
            {
                ui.MarkupLineInterpolated($"[red]No SQLite log at {source}.[/]");
                return 1;
            }

            MigrationResult result = null!;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await ui.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async progress =>
                {
                    var tasks = new Dictionary<MigrationPhase, ProgressTask>();
                    var migration = new LogMigration(source, parse.GetValue(CommandSupport.KeysPath), target)
                    {
                        Progress = (phase, done, total) =>
                        {
                            if (!tasks.TryGetValue(phase, out var task))
                            {
                                tasks[phase] = task = progress.AddTask(Label(phase), maxValue: Math.Max(total, 1));
                            }

                            task.Value = Math.Min(done, task.MaxValue);
                            if (phase == MigrationPhase.Copy)
                            {
                                var rate = done / Math.Max(watch.Elapsed.TotalSeconds, 0.001);
                                task.Description = string.Create(CultureInfo.InvariantCulture, $"{Label(phase)}  {done:N0} / {total:N0}  {rate:N0} events/s");
                            }
                        },
                    };
                    result = await migration.RunAsync(ct);
                    foreach (var task in tasks.Values)
                    {
                        task.Value = task.MaxValue;
                    }
                });

            if (result.WasRefused)
            {
                ui.MarkupLineInterpolated($"[red]REFUSED[/] {result.Problem}. Nothing was written; migrate into an empty database.");
                return 1;
            }

            if (!result.Succeeded)
            {
                ui.MarkupLineInterpolated($"[red]NOT VERIFIED[/] {result.Problem}");
                return 2;
            }

            ui.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"[green]migrated[/]: {result.Copied:N0} events copied, {result.Head.Position:N0} in the target, head hash {Convert.ToHexStringLower(result.Head.Hash.Span)} equal to the source's; chain verified; {result.Keys:N0} personal keys; read models rebuilt and equal to the source's");
            return 0;
        });
        return command;
    }

    private static string Label(MigrationPhase phase) => phase switch
    {
        MigrationPhase.Keys => "personal keys",
        MigrationPhase.Copy => "copying the log",
        MigrationPhase.Verify => "verifying the chain",
        MigrationPhase.ReadModels => "rebuilding read models",
        _ => "folding the source's read models",
    };
}
