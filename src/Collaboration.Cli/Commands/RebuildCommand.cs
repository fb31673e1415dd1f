using System.CommandLine;
using System.Globalization;
using Collaboration.Projections;
using Collaboration.Projections.Running;
using Spectre.Console;
using static Collaboration.Cli.Commands.CommandSupport;

namespace Collaboration.Cli.Commands;

/// <summary><c>collab rebuild</c>: read models rebuilt beside the live ones in one pass, then swapped in.</summary>
internal static class RebuildCommand
{
    public static Command Create(IAnsiConsole ui)
    {
        var projection = new Argument<string?>("projection") { Description = "The read model to rebuild (e.g. memorandum-progress)", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Rebuild every read model" };
        var command = new Command("rebuild", "Rebuild read models from position 0 beside the live ones, then swap them in") { projection, all };
        command.SetAction(async (parse, ct) =>
        {
            var names = ReadModels.All().Select(p => p.Name).ToList();
            var chosen = parse.GetValue(all) ? names : parse.GetValue(projection) is { } one ? [one] : [];
            if (chosen.Count == 0 || chosen.Except(names, StringComparer.Ordinal).Any())
            {
                ui.MarkupLineInterpolated($"[red]Give --all or one of: {string.Join(", ", names)}.[/]");
                return 1;
            }

            await using var context = Open(parse);
            var runner = context.Runner();
            await runner.StartAsync(ct);
            var head = await context.Store.ReadHeadPositionAsync(ct);
            // A batch job wants throughput, not background collections competing with it for the cores.
            System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.Batch;
            var total = System.Diagnostics.Stopwatch.StartNew();
            await ui.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async progress =>
                {
                    // One pass over the log for all the chosen read models: each event is read, deserialised and folded once.
                    var label = string.Join(", ", chosen);
                    var task = progress.AddTask(Markup.Escape(label), maxValue: Math.Max(head, 1));
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    // Progress<T> would post to the thread pool and could report after the swap; this reports in line.
                    var report = new InlineProgress(position =>
                    {
                        task.Value = Math.Min(position, task.MaxValue);
                        var rate = position / Math.Max(watch.Elapsed.TotalSeconds, 0.001);
                        task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{label}  {position:N0} / {head:N0}  {rate:N0} events/s"));
                    });
                    await runner.RebuildAsync(chosen, report, ct);
                    task.Value = task.MaxValue;
                });
            var seconds = Math.Max(total.Elapsed.TotalSeconds, 0.001);
            ui.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"rebuilt {string.Join(", ", chosen)} over {head:N0} events in {seconds:F2} s ({head / seconds:N0} log events/s)");
            return 0;
        });
        return command;
    }
}
