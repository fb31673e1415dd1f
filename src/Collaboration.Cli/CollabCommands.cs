using System.CommandLine;
using Collaboration.Cli.Commands;
using Spectre.Console;

namespace Collaboration.Cli;

/// <summary>
/// <c>collab</c>: the operator's and auditor's tool over the same code as the API. Exit codes: 0 ok, 1 bad input,
/// 2 verification failed.
/// </summary>
public static class CollabCommands
{
    public static RootCommand Create(IAnsiConsole? console = null)
    {
        var ui = console ?? AnsiConsole.Console;
        var root = new RootCommand("Collaboration audit tool: verify, checkpoint, export, import, replay, rebuild, repair-stream-index, stats, erase-person, migrate, import-sheet");
        root.Options.Add(CommandSupport.Db);
        root.Options.Add(CommandSupport.KeysPath);
        root.Options.Add(CommandSupport.SigningKey);
        root.Subcommands.Add(VerifyCommand.Create(ui).NeedsDb());
        root.Subcommands.Add(CheckpointCommand.Create(ui).NeedsDb());
        root.Subcommands.Add(ExportCommand.Create(ui).NeedsDb());
        root.Subcommands.Add(ImportCommand.Create(ui).NeedsDb());
        root.Subcommands.Add(ReplayCommand.Create(ui).NeedsDb());
        root.Subcommands.Add(RebuildCommand.Create(ui).NeedsDb());
        root.Subcommands.Add(RepairStreamIndexCommand.Create(ui).NeedsDb());
        root.Subcommands.Add(StatsCommand.Create(ui).NeedsDb());
        root.Subcommands.Add(ErasePersonCommand.Create(ui).NeedsDb());
        root.Subcommands.Add(MigrateCommand.Create(ui));
        root.Subcommands.Add(ImportSheetCommand.Create(ui));
        return root;
    }
}
