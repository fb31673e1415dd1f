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
        var root = new RootCommand("Collaboration audit tool: verify, checkpoint, export, import, replay, rebuild, repair-stream-index, stats, erase-person");
        root.Options.Add(CommandSupport.Db);
        root.Options.Add(CommandSupport.KeysPath);
        root.Options.Add(CommandSupport.SigningKey);
        root.Subcommands.Add(VerifyCommand.Create(ui));
        root.Subcommands.Add(CheckpointCommand.Create(ui));
        root.Subcommands.Add(ExportCommand.Create(ui));
        root.Subcommands.Add(ImportCommand.Create(ui));
        root.Subcommands.Add(ReplayCommand.Create(ui));
        root.Subcommands.Add(RebuildCommand.Create(ui));
        root.Subcommands.Add(RepairStreamIndexCommand.Create(ui));
        root.Subcommands.Add(StatsCommand.Create(ui));
        root.Subcommands.Add(ErasePersonCommand.Create(ui));
        return root;
    }
}
