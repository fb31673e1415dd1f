using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Collaboration.Api.Audit;
using Collaboration.Api.Audit.Checkpoints;
using Collaboration.Api.Audit.Export;
using Collaboration.Api.Audit.Privacy;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.EventStore;
using Collaboration.Projections;
using Collaboration.Projections.Running;
using Spectre.Console;

namespace Collaboration.Cli;

/// <summary>
/// <c>collab</c>: the operator's and auditor's tool over the same code as the API. Exit codes: 0 ok, 1 bad input,
/// 2 verification failed.
/// </summary>
public static class CollabCommands
{
    private static readonly JsonSerializerOptions Indented = new(AuditJson.Options) { WriteIndented = true };

    private static readonly Option<string> Db = new("--db") { Description = "Path of the SQLite event log", Required = true, Recursive = true };
    private static readonly Option<string?> KeysPath = new("--keys") { Description = "Personal key file (default <db>.keys.db)", Recursive = true };
    private static readonly Option<string?> SigningKey = new("--signing-key") { Description = "Audit signing key (default <db>.audit-key.pem)", Recursive = true };

    public static RootCommand Create(IAnsiConsole? console = null)
    {
        var ui = console ?? AnsiConsole.Console;
        var root = new RootCommand("Collaboration audit tool: verify, checkpoint, export, import, replay, rebuild, repair-stream-index, stats, erase-person");
        root.Options.Add(Db);
        root.Options.Add(KeysPath);
        root.Options.Add(SigningKey);
        root.Subcommands.Add(Verify(ui));
        root.Subcommands.Add(Checkpoint(ui));
        root.Subcommands.Add(Export(ui));
        root.Subcommands.Add(Import(ui));
        root.Subcommands.Add(Replay(ui));
        root.Subcommands.Add(Rebuild(ui));
        root.Subcommands.Add(RepairStreamIndex(ui));
        root.Subcommands.Add(Stats(ui));
        root.Subcommands.Add(ErasePerson(ui));
        return root;
    }

    private static CliContext Open(ParseResult parse, TimeProvider? time = null) =>
        CliContext.Open(parse.GetValue(Db)!, parse.GetValue(KeysPath), parse.GetValue(SigningKey), time);

    private static Command Verify(IAnsiConsole ui)
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
                return ReportStreamIndex(ui, await context.Store.CheckStreamIndexAsync(ct));
            }

            ui.MarkupLineInterpolated($"[red]INVALID[/] first bad position: {chain.FirstBadPosition} ({chain.Reason})");
            return 2;
        });
        return command;
    }

    // The stream index is derived from the log (ADR 0010): a damaged one is repairable, but reads of the affected
    // streams fail until then, so it fails verification too.
    private static int ReportStreamIndex(IAnsiConsole ui, EventStore.Sqlite.StreamIndexCheck check)
    {
        if (check.IsConsistent)
        {
            ui.MarkupLineInterpolated($"[green]stream index consistent[/]: {check.Entries} entries for {check.Events} events");
            return 0;
        }

        ui.MarkupLineInterpolated($"[red]STREAM INDEX DAMAGED[/] {check.Reason} Rebuild it from the log with `collab repair-stream-index`.");
        return 2;
    }

    private static Command RepairStreamIndex(IAnsiConsole ui)
    {
        var command = new Command("repair-stream-index", "Rebuild the stream index from the log (derived data; the log is not touched), then check it");
        command.SetAction(async (parse, ct) =>
        {
            await using var context = Open(parse);
            var head = await context.Store.ReadHeadPositionAsync(ct);
            long written;
            try
            {
                written = await WithProgressAsync(ui, "Rebuilding the stream index", head, p => context.Store.RebuildStreamIndexAsync(p, ct));
            }
            catch (InvalidOperationException e)
            {
                // Nothing was changed: the rebuild is one transaction.
                ui.MarkupLineInterpolated($"[red]NOT REPAIRED[/] {e.Message}");
                return 2;
            }

            ui.MarkupLineInterpolated($"{written} stream entries written");
            return ReportStreamIndex(ui, await context.Store.CheckStreamIndexAsync(ct));
        });
        return command;
    }

    private static Command Checkpoint(IAnsiConsole ui)
    {
        var output = new Option<FileInfo?>("--out") { Description = "Write the signed checkpoint to this file (keep it outside the system)" };
        var command = new Command("checkpoint", "Sign the chain head as a checkpoint to keep outside the system") { output };
        command.SetAction(async (parse, ct) =>
        {
            await using var context = Open(parse);
            using var signer = context.Signer();
            var checkpoint = signer.Sign(await context.Store.ReadChainHeadAsync(ct), context.Time.GetUtcNow());
            var json = JsonSerializer.Serialize(checkpoint, Indented);
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, json, ct);
                ui.MarkupLineInterpolated($"checkpoint at position {checkpoint.Position} written to {file.FullName}");
            }
            else
            {
                ui.WriteLine(json);
            }

            ui.MarkupLineInterpolated($"key {signer.KeyId}; public key:");
            ui.WriteLine(signer.PublicKeyPem);
            return 0;
        });
        return command;
    }

    private static Command Export(IAnsiConsole ui)
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
                NdjsonExport.WriteAsync(file, Visible(reader.ScanAsync(filter, context.Visibility, ct)), p, ct));
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

    private static Command Import(IAnsiConsole ui)
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

    private static Command Replay(IAnsiConsole ui)
    {
        var asOf = new Option<DateTimeOffset?>("--as-of") { Description = "The moment (ISO 8601); default now" };
        var revision = new Option<long?>("--revision") { Description = "Stream revision instead of a moment" };
        var stream = new Option<string?>("--stream") { Description = "Replay one aggregate's stream (e.g. memorandum-<id>)" };
        var memorandum = new Option<Guid?>("--memorandum") { Description = "Replay a memorandum's progress view" };
        var view = new Option<string?>("--view") { Description = "Replay a read model through its projection (or 'overview' for the district overview)" };
        var key = new Option<string?>("--key") { Description = "With --view: one document (default: every document of the view)" };
        var command = new Command("replay", "Show an aggregate, a read model or the district overview as of a moment") { asOf, revision, stream, memorandum, view, key };
        command.SetAction(async (parse, ct) =>
        {
            await using var context = Open(parse);
            object? result;
            if (parse.GetValue(view) is { } viewName)
            {
                var views = new ReadModelsAsOf(context.Store, context.Serializer, CommitmentsOf(context));
                if (viewName == "overview")
                {
                    result = await views.OverviewAsync(parse.GetValue(asOf) ?? context.Time.GetUtcNow(), ct);
                }
                else if (!ReadModelsAsOf.IsKnown(viewName))
                {
                    ui.MarkupLineInterpolated($"[red]Unknown view; give overview or one of: {string.Join(", ", ReadModelsAsOf.ViewNamesKnown)}.[/]");
                    return 1;
                }
                else if (parse.GetValue(key) is { } one)
                {
                    result = await views.DocumentAsync(viewName, one, parse.GetValue(asOf), ct);
                }
                else
                {
                    result = (await views.ListAsync(viewName, parse.GetValue(asOf), ct))!
                        .Select(d => new { d.Key, d.Position, Document = System.Text.Json.Nodes.JsonNode.Parse(d.Json!) }).ToList();
                }
            }
            else if (parse.GetValue(memorandum) is { } id)
            {
                result = await new MemorandumProgressAsOf(context.Store, context.Serializer, CommitmentsOf(context)).ComputeAsync(MemorandumId.From(id), parse.GetValue(asOf), ct);
            }
            else if (parse.GetValue(stream) is { } name)
            {
                result = await new AsOfReader(context.Store, context.Serializer).StateAsync(name, new Moment(parse.GetValue(asOf), parse.GetValue(revision)), ct);
            }
            else
            {
                ui.MarkupLine("[red]Give --stream, --memorandum or --view.[/]");
                return 1;
            }

            if (result is null)
            {
                ui.MarkupLine("[yellow]Nothing there at that moment.[/]");
                return 1;
            }

            ui.WriteLine(JsonSerializer.Serialize(result, result.GetType(), Indented));
            return 0;
        });
        return command;
    }

    private static Command Rebuild(IAnsiConsole ui)
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
            var runner = new ProjectionRunner(context.Store, context.Serializer, ReadModels.All());
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

    // The live memorandum-progress view (when projections have run on this log) tells which commitments to replay.
    private static MemorandumCommitments CommitmentsOf(CliContext context) =>
        new(context.Store, context.Serializer, new ProjectionRunner(context.Store, context.Serializer, ReadModels.All()));

    private static Command Stats(IAnsiConsole ui)
    {
        var command = new Command("stats", "Events, streams and types in the log; head hash; key file");
        command.SetAction(async (parse, ct) =>
        {
            await using var context = Open(parse);
            var head = await context.Store.ReadChainHeadAsync(ct);
            var types = new Dictionary<string, long>(StringComparer.Ordinal);
            var modules = new Dictionary<string, long>(StringComparer.Ordinal);
            var streams = new HashSet<string>(StringComparer.Ordinal);
            DateTimeOffset? first = null, last = null;
            await WithProgressAsync(ui, "Scanning", head.Position, async p =>
            {
                await foreach (var e in context.Store.ReadAllAsync(ct: ct))
                {
                    types[e.Type] = types.GetValueOrDefault(e.Type) + 1;
                    var module = StreamCatalogue.Of(e.Stream)?.Module ?? "other";
                    modules[module] = modules.GetValueOrDefault(module) + 1;
                    streams.Add(e.Stream);
                    first ??= e.Timestamp;
                    last = e.Timestamp;
                    if (e.Position % 10_000 == 0)
                    {
                        p.Report(e.Position);
                    }
                }

                return 0;
            });
            var table = new Table().AddColumn("Measure").AddColumn("Value");
            table.AddRow("events", head.Position.ToString(CultureInfo.InvariantCulture));
            table.AddRow("streams", streams.Count.ToString(CultureInfo.InvariantCulture));
            table.AddRow("head hash", Convert.ToHexStringLower(head.Hash.Span));
            table.AddRow("first / last", $"{first:O} / {last:O}");
            table.AddRow("people with a key", context.Keys.Count().ToString(CultureInfo.InvariantCulture));
            foreach (var (module, count) in modules.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                table.AddRow($"module {module}", count.ToString(CultureInfo.InvariantCulture));
            }

            foreach (var (type, count) in types.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                table.AddRow(Markup.Escape(type), count.ToString(CultureInfo.InvariantCulture));
            }

            ui.Write(table);
            return 0;
        });
        return command;
    }

    private static Command ErasePerson(IAnsiConsole ui)
    {
        var person = new Argument<Guid>("person") { Description = "The person id" };
        var reason = new Option<string>("--reason") { Description = "Why (e.g. the request reference)", Required = true };
        var by = new Option<string>("--by") { Description = "Who performs the erasure", Required = true };
        var command = new Command("erase-person", "Erase a person's personal data by deleting their key (recorded as person.erased.v1)") { person, reason, by };
        command.SetAction(async (parse, ct) =>
        {
            await using var context = Open(parse);
            var eraser = new PersonalDataEraser(context.Store, context.Serializer, context.Keys, context.Time);
            var commandId = Guid.CreateVersion7();
            var erasure = await eraser.EraseAsync(
                PersonId.From(parse.GetValue(person)), parse.GetValue(reason)!, new EventMetadata(parse.GetValue(by), "office", null, commandId, commandId, commandId), ct);
            ui.MarkupLineInterpolated($"erased {erasure.Person}: recorded at position {erasure.Position} in {erasure.Stream}; key {(erasure.KeyDeleted ? "deleted" : "was already absent")}");
            return 0;
        });
        return command;
    }

    private static async IAsyncEnumerable<RecordedEvent> Visible(IAsyncEnumerable<(RecordedEvent Event, bool Visible)> scan)
    {
        await foreach (var (e, visible) in scan)
        {
            if (visible)
            {
                yield return e;
            }
        }
    }

    private static async Task<T> WithProgressAsync<T>(IAnsiConsole ui, string label, long total, Func<IProgress<long>, Task<T>> work)
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

    private sealed class InlineProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
