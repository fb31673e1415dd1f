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

    /// <summary>The environment variable read when <c>--db</c> is not given: keeps a connection string's password off the command line.</summary>
    public const string DbVariable = "COLLAB_DB";

    /// <summary>
    /// Every command but <c>import-sheet</c> (which talks to a tracker over HTTP) works on a log: a SQLite file's path or a
    /// PostgreSQL connection string (ADR 0021).
    /// </summary>
    public static readonly Option<string> Db = new("--db", "--store")
    {
        Description = $"The event log: a SQLite file's path, or a PostgreSQL connection string (Host=...;Database=...); default ${DbVariable}",
        Recursive = true,
    };

    public static readonly Option<string?> KeysPath = new("--keys") { Description = "Personal key file (SQLite only; default <db>.keys.db; PostgreSQL keeps the keys in its database)", Recursive = true };

    public static readonly Option<string?> SigningKey = new("--signing-key") { Description = "Audit signing key (SQLite only; default <db>.audit-key.pem; PostgreSQL keeps it in its database)", Recursive = true };

    public static CliContext Open(ParseResult parse, TimeProvider? time = null) =>
        CliContext.Open(DbOf(parse)!, parse.GetValue(KeysPath), parse.GetValue(SigningKey), time);

    /// <summary><c>--db</c>, else <c>$COLLAB_DB</c>.</summary>
    public static string? DbOf(ParseResult parse) =>
        parse.GetValue(Db) is { Length: > 0 } given ? given : Environment.GetEnvironmentVariable(DbVariable) is { Length: > 0 } variable ? variable : null;

    /// <summary>Adds the rule that a log is named (<c>--db</c> or <c>$COLLAB_DB</c>) for every command that opens one.</summary>
    public static Command NeedsDb(this Command command)
    {
        command.Validators.Add(result =>
        {
            if (result.GetResult(Db) is null && Environment.GetEnvironmentVariable(DbVariable) is not { Length: > 0 })
            {
                result.AddError($"Option '--db' is required (or set {DbVariable}).");
            }
        });
        return command;
    }

    // The stream index is derived from the log (ADR 0010): a damaged one is repairable, but reads of the affected
    // streams fail until then, so it fails verification too.
    public static int ReportStreamIndex(IAnsiConsole ui, EventStore.StreamIndexCheck check)
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
