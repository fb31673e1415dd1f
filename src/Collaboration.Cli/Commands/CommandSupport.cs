using System.CommandLine;
using System.Text.Json;
using Collaboration.Audit;
using Collaboration.Projections;
using Collaboration.Projections.Running;
using Spectre.Console;

namespace Collaboration.Cli.Commands;

/// <summary>What every verb shares: the log options, opening the log, progress on the console, the JSON shape.</summary>
internal static class CommandSupport
{
    public static readonly JsonSerializerOptions Indented = new(AuditJson.Options) { WriteIndented = true };

    /// <summary>Every command but <c>import-sheet</c> (which talks to a tracker over HTTP) works on a log file and requires it.</summary>
    public static readonly Option<string> Db = new("--db") { Description = "Path of the SQLite event log (every command but import-sheet)", Recursive = true };

    public static readonly Option<string?> KeysPath = new("--keys") { Description = "Personal key file (default <db>.keys.db)", Recursive = true };

    public static readonly Option<string?> SigningKey = new("--signing-key") { Description = "Audit signing key (default <db>.audit-key.pem)", Recursive = true };

    public static CliContext Open(ParseResult parse, TimeProvider? time = null) =>
        CliContext.Open(parse.GetValue(Db)!, parse.GetValue(KeysPath), parse.GetValue(SigningKey), time);

    /// <summary>Adds the rule that <c>--db</c> is given to every command that opens a log.</summary>
    public static Command NeedsDb(this Command command)
    {
        command.Validators.Add(result =>
        {
            if (result.GetResult(Db) is null)
            {
                result.AddError("Option '--db' is required.");
            }
        });
        return command;
    }

    // The stream index is derived from the log (ADR 0010): a damaged one is repairable, but reads of the affected
    // streams fail until then, so it fails verification too.
    public static int ReportStreamIndex(IAnsiConsole ui, EventStore.Sqlite.StreamIndexCheck check)
    {
        if (check.IsConsistent)
        {
            ui.MarkupLineInterpolated($"[green]stream index consistent[/]: {check.Entries} entries for {check.Events} events");
            return 0;
        }

        ui.MarkupLineInterpolated($"[red]STREAM INDEX DAMAGED[/] {check.Reason} Rebuild it from the log with `collab repair-stream-index`.");
        return 2;
    }

    // The live memorandum-progress view (when projections have run on this log) tells which commitments to replay.
    public static MemorandumCommitments CommitmentsOf(CliContext context) =>
        new(context.Store, context.Serializer, context.Runner());

    public static async Task<T> WithProgressAsync<T>(IAnsiConsole ui, string label, long total, Func<IProgress<long>, Task<T>> work)
    {
        T result = default!;
        await ui.Progress().AutoClear(true).StartAsync(async progress =>
        {
            var task = progress.AddTask(label, maxValue: Math.Max(total, 1));
            result = await work(new Progress<long>(position => task.Value = Math.Min(position, task.MaxValue)));
            task.Value = task.MaxValue;
        });
        return result;
    }
}
