using System.CommandLine;
using Collaboration.Audit;
using Collaboration.Audit.Export;
using Collaboration.Projections;
using Collaboration.Projections.Running;
using Spectre.Console;
using static Collaboration.Cli.Commands.CommandSupport;

namespace Collaboration.Cli.Commands;

/// <summary><c>collab export</c>: the log (or part of it) as NDJSON with hashes, or a read model as CSV.</summary>
internal static class ExportCommand
{
    public static Command Create(IAnsiConsole ui)
    {
        var output = new Option<FileInfo>("--out") { Description = "NDJSON file to write", Required = true };
        var fromPosition = new Option<long?>("--from-position") { Description = "Resume from this position (inclusive)" };
        var stream = new Option<string?>("--stream") { Description = "Only this stream" };
        var module = new Option<string?>("--module") { Description = "Only this module's streams" };
        var type = new Option<string?>("--type") { Description = "Only this event type" };
        var view = new Option<string?>("--view") { Description = "Export this read model instead of the log (with --csv)" };
        var csv = new Option<bool>("--csv") { Description = "With --view: one CSV row per document" };
        var command = new Command("export", "Export the log (or a filtered part) as NDJSON with hashes, or a read model as CSV") { output, fromPosition, stream, module, type, view, csv };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(view) is { } viewName)
            {
                return await ExportViewAsync(ui, parse, viewName, parse.GetValue(csv), parse.GetValue(output)!, ct);
            }

            var filter = new AuditLogFilter(parse.GetValue(stream), parse.GetValue(module), parse.GetValue(type), FromPosition: parse.GetValue(fromPosition));
            if (filter.Validate() is { Count: > 0 } errors)
            {
                ui.MarkupLineInterpolated($"[red]{string.Join("; ", errors.SelectMany(e => e.Value))}[/]");
                return 1;
            }

            await using var context = Open(parse);
            var reader = new AuditLogReader(context.Store, context.Serializer);
            var head = await context.Store.ReadHeadPositionAsync(ct);
            await using var file = File.Create(parse.GetValue(output)!.FullName);
            var written = await WithProgressAsync(ui, "Exporting", head, p =>
                NdjsonExport.WriteAsync(file, reader.ReadVisibleAsync(filter, context.Visibility, ct), p, ct));
            ui.MarkupLineInterpolated($"{written} events written");
            return 0;
        });
        return command;
    }

    private static async Task<int> ExportViewAsync(IAnsiConsole ui, ParseResult parse, string view, bool csv, FileInfo output, CancellationToken ct)
    {
        if (!csv || !ReadModelsAsOf.IsKnown(view))
        {
            ui.MarkupLineInterpolated($"[red]Give --csv and one of: {string.Join(", ", ReadModelsAsOf.ViewNamesKnown)}.[/]");
            return 1;
        }

        await using var context = Open(parse);
        var runner = new ProjectionRunner(context.Store, context.Serializer, ReadModels.All());
        await runner.StartAsync(ct);
        var documents = await runner.Views.ListAsync(view, null, ct);
        await using var file = File.Create(output.FullName);
        var rows = await ViewCsv.WriteAsync(file, documents, ct);
        ui.MarkupLineInterpolated($"{rows} rows of {view} written (as of position {runner.CheckpointOf(view)})");
        return 0;
    }
}
