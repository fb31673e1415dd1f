using Collaboration.Audit.Privacy;
using Collaboration.Audit.Sqlite;
using Collaboration.Cli;
using Collaboration.Domain.Kernel;
using Collaboration.EventStore;
using Collaboration.EventStore.Sqlite;
using Collaboration.Projections;
using Collaboration.Projections.Running;
using Collaboration.Projections.Sqlite;
using Spectre.Console;

namespace Collaboration.Api.Tests.Reliability.Crash;

/// <summary>
/// What the log and the read models must look like after a SIGKILL, read from the files while no tracker runs: every
/// acknowledged write present, no half-written command, dense positions and revisions, a verifying chain and stream
/// index, and read models that, caught up as a restart would, equal a fresh rebuild of the same log.
/// </summary>
public static class LogInspection
{
    public static async Task<IReadOnlyList<string>> CheckLogAsync(string database, IEnumerable<Acknowledged> acknowledged)
    {
        var problems = new List<string>();
        await using var store = await SqliteEventStore.OpenAsync(new SqliteEventStoreOptions { Path = database }, TimeProvider.System);
        var head = await store.ReadHeadPositionAsync();
        var streams = new Dictionary<string, long>(StringComparer.Ordinal);
        var commands = new Dictionary<Guid, List<long>>();
        long expected = 1;
        await foreach (var recorded in store.ReadAllAsync())
        {
            if (recorded.Position != expected++)
            {
                problems.Add($"position {recorded.Position} follows {expected - 2}: the log is not dense");
            }

            var next = streams.GetValueOrDefault(recorded.Stream, -1) + 1;
            if (recorded.Revision != next)
            {
                problems.Add($"{recorded.Stream}@{recorded.Revision} at {recorded.Position}: expected revision {next}");
            }

            streams[recorded.Stream] = recorded.Revision;
            if (recorded.Metadata.CommandId is { } command)
            {
                (commands.TryGetValue(command, out var positions) ? positions : commands[command] = []).Add(recorded.Position);
            }
        }

        if (expected - 1 != head)
        {
            problems.Add($"the head is {head} but {expected - 1} events were read");
        }

        // One command's events are one append, and an append is one transaction: they sit side by side or not at all.
        foreach (var (command, positions) in commands.Where(c => c.Value[^1] - c.Value[0] != c.Value.Count - 1))
        {
            problems.Add($"command {command} is split over positions {string.Join(',', positions)}");
        }

        foreach (var ack in acknowledged.Where(a => streams.GetValueOrDefault(a.Stream, -1) < a.Revision))
        {
            problems.Add($"{ack.Command} was answered 2xx with {ack.Stream}@{ack.Revision}, but the stream ends at {streams.GetValueOrDefault(ack.Stream, -1)}");
        }

        var chain = await store.VerifyAsync();
        if (!chain.IsValid)
        {
            problems.Add($"the hash chain breaks: {chain}");
        }

        var index = await store.CheckStreamIndexAsync();
        if (!index.IsConsistent)
        {
            problems.Add($"the stream index disagrees with the log at {index.FirstBadPosition}: {index.Reason}");
        }

        return problems;
    }

    /// <summary>
    /// Copies the files twice: one copy's read models are caught up from where the crash left them (what a restart does),
    /// the other's rebuilt from nothing by <c>collab rebuild --all</c>; every document must be the same in both.
    /// </summary>
    public static async Task<IReadOnlyList<string>> CheckReadModelsAsync(string database, string scratch)
    {
        var resumed = Copy(database, Path.Combine(scratch, "resumed"));
        var rebuilt = Copy(database, Path.Combine(scratch, "rebuilt"));
        var live = await DocumentsAsync(resumed, catchUp: true);

        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No, Ansi = AnsiSupport.No });
        var exit = await CollabCommands.Create(console).Parse(["rebuild", "--all", "--db", rebuilt]).InvokeAsync();
        if (exit != 0)
        {
            return [$"collab rebuild --all failed ({exit}): {output}"];
        }

        var fresh = await DocumentsAsync(rebuilt, catchUp: false);
        var problems = new List<string>();
        foreach (var (key, document) in fresh.Where(f => live.GetValueOrDefault(f.Key) != f.Value))
        {
            problems.Add($"{key}: resumed {Shorten(live.GetValueOrDefault(key))} but rebuilt {Shorten(document)}");
        }

        problems.AddRange(live.Keys.Except(fresh.Keys).Select(key => $"{key}: resumed has it, the rebuild has not"));
        Directory.Delete(Path.Combine(scratch, "resumed"), recursive: true);
        Directory.Delete(Path.Combine(scratch, "rebuilt"), recursive: true);
        return problems;
    }

    private static async Task<Dictionary<string, string>> DocumentsAsync(string database, bool catchUp)
    {
        using var keys = new SqlitePersonalKeyStore(SqlitePersonalKeyStore.DefaultPathFor(database));
        var serializer = new EventSerializer(DomainEventTypes.CreateRegistry(PersonalDataConverter.All(keys)));
        await using var store = await SqliteEventStore.OpenAsync(new SqliteEventStoreOptions { Path = database }, TimeProvider.System);
        var runner = new ProjectionRunner(store, new SqliteViewStore(store), serializer, ReadModels.All());
        if (catchUp)
        {
            await runner.CatchUpAsync();
        }
        else
        {
            await runner.StartAsync();
        }

        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var projection in runner.Projections)
        {
            foreach (var d in await runner.Views.ListAsync(projection.Name, null))
            {
                documents[$"{d.View}/{d.Key}"] = $"@{d.Position} {d.Json}";
            }
        }

        return documents;
    }

    private static string Copy(string database, string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var suffix in new[] { "", "-wal", ".keys.db", ".keys.db-wal" })
        {
            if (File.Exists(database + suffix))
            {
                File.Copy(database + suffix, Path.Combine(directory, Path.GetFileName(database) + suffix));
            }
        }

        return Path.Combine(directory, Path.GetFileName(database));
    }

    private static string Shorten(string? text) => text is null ? "nothing" : text.Length <= 200 ? text : text[..200] + "…";
}
