using System.CommandLine;
using Collaboration.Audit.Export;
using Spectre.Console;
using static Collaboration.Cli.Commands.CommandSupport;

namespace Collaboration.Cli.Commands;

/// <summary><c>collab import</c>: an NDJSON export loaded into a log, every hash checked.</summary>
internal static class ImportCommand
{
    public static Command Create(IAnsiConsole ui)
    {
        var input = new Argument<FileInfo>("file") { Description = "An unfiltered NDJSON export" };
        var command = new Command("import", "Load an NDJSON export into a fresh log (or continue one) and check every hash") { input };
        command.SetAction(async (parse, ct) =>
        {
            var clock = new ReplayClock();
            await using var context = Open(parse, clock);
            await using var file = parse.GetValue(input)!.OpenRead();
            var result = await WithProgressAsync(ui, "Importing", 0, p => NdjsonImport.ImportAsync(file, context.Store, clock, p, ct));
            ui.MarkupLineInterpolated($"{result.Imported} events imported; hashes {(result.HashesMatch ? "[green]identical[/]" : $"[red]differ from position {result.FirstMismatch}[/]")}");
            return result.HashesMatch ? 0 : 2;
        });
        return command;
    }
}
