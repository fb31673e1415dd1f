using System.CommandLine;
using System.Globalization;
using Collaboration.Domain.Kernel;
using Spectre.Console;
using static Collaboration.Cli.Commands.CommandSupport;

namespace Collaboration.Cli.Commands;

/// <summary><c>collab stats</c>: events, streams, modules and types in the log; head hash; key file.</summary>
internal static class StatsCommand
{
    public static Command Create(IAnsiConsole ui)
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
}
