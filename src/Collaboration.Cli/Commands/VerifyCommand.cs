using System.CommandLine;
using System.Text.Json;
using Collaboration.Audit;
using Collaboration.Audit.Checkpoints;
using Collaboration.EventStore;
using Spectre.Console;
using static Collaboration.Cli.Commands.CommandSupport;

namespace Collaboration.Cli.Commands;

/// <summary><c>collab verify</c>: the hash chain (or a kept checkpoint), then the stream index against the log.</summary>
internal static class VerifyCommand
{
    public static Command Create(IAnsiConsole ui)
    {
        var from = new Option<long>("--from") { Description = "First position", DefaultValueFactory = _ => 1 };
        var to = new Option<long?>("--to") { Description = "Last position (default: head)" };
        var checkpoint = new Option<FileInfo?>("--checkpoint") { Description = "Verify against a checkpoint file kept earlier" };
        var command = new Command("verify", "Recompute the hash chain and report the first bad position; then check the stream index against the log") { from, to, checkpoint };
        command.SetAction(async (parse, ct) =>
        {
            await using var context = Open(parse);
            var head = await context.Store.ReadHeadPositionAsync(ct);
            if (parse.GetValue(checkpoint) is { } file)
            {
                var kept = JsonSerializer.Deserialize<AuditCheckpoint>(await File.ReadAllTextAsync(file.FullName, ct), AuditJson.Options)
                    ?? throw new InvalidDataException("Empty checkpoint file.");
                using var signer = context.Signer();
                var result = await WithProgressAsync(ui, "Verifying against checkpoint", head, p => CheckpointVerifier.VerifyAsync(context.Store, signer, kept, p, ct));
                ui.MarkupLineInterpolated($"{(result.IsValid ? "[green]VALID[/]" : "[red]INVALID[/]")} {result.Finding}: {result.Detail}");
                if (result.FirstBadPosition is { } bad)
                {
                    ui.MarkupLineInterpolated($"first bad position: {bad}");
                }

                return result.IsValid ? 0 : 2;
            }

            var chain = await WithProgressAsync(ui, "Verifying hash chain", parse.GetValue(to) ?? head,
                p => context.Store.VerifyAsync(parse.GetValue(from), parse.GetValue(to), p, ct));
            if (chain.IsValid)
            {
                ui.MarkupLineInterpolated($"[green]VALID[/] positions {chain.CheckedFrom}..{chain.CheckedTo}, head hash {Convert.ToHexStringLower(chain.LastHash.Span)}");
                // Only a store with a derived stream index (SQLite) has one to check; PostgreSQL's is the database's own.
                return context.Store is IStreamIndexMaintenance index ? ReportStreamIndex(ui, await index.CheckStreamIndexAsync(ct)) : 0;
            }

            ui.MarkupLineInterpolated($"[red]INVALID[/] first bad position: {chain.FirstBadPosition} ({chain.Reason})");
            return 2;
        });
        return command;
    }
}
