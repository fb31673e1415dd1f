using System.CommandLine;
using Collaboration.EventStore;
using Spectre.Console;
using static Collaboration.Cli.Commands.CommandSupport;

namespace Collaboration.Cli.Commands;

/// <summary><c>collab repair-stream-index</c>: the stream index rebuilt from the log, which it never touches.</summary>
internal static class RepairStreamIndexCommand
{
    public static Command Create(IAnsiConsole ui)
    {
        var command = new Command("repair-stream-index", "Rebuild the stream index from the log (derived data; the log is not touched), then check it");
        command.SetAction(async (parse, ct) =>
        {
            await using var context = Open(parse);
            if (context.Store is not IStreamIndexMaintenance index)
            {
                ui.MarkupLineInterpolated($"[red]Nothing to repair:[/] {context.Settings} has no stream index apart from the log (it is an index of the database itself). repair-stream-index is for a SQLite log.");
                return 1;
            }

            var head = await context.Store.ReadHeadPositionAsync(ct);
            long written;
            try
            {
                written = await WithProgressAsync(ui, "Rebuilding the stream index", head, p => index.RebuildStreamIndexAsync(p, ct));
            }
            catch (InvalidOperationException e)
            {
                // Nothing was changed: the rebuild is one transaction.
                ui.MarkupLineInterpolated($"[red]NOT REPAIRED[/] {e.Message}");
                return 2;
            }

            ui.MarkupLineInterpolated($"{written} stream entries written");
            return ReportStreamIndex(ui, await index.CheckStreamIndexAsync(ct));
        });
        return command;
    }
}
