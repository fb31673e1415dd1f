using System.CommandLine;
using System.Text.Json;
using Collaboration.Audit;
using Collaboration.Domain.Kernel;
using Spectre.Console;
using static Collaboration.Cli.Commands.CommandSupport;

namespace Collaboration.Cli.Commands;

/// <summary><c>collab replay</c>: an aggregate, a read model or the district overview as of a moment.</summary>
internal static class ReplayCommand
{
    public static Command Create(IAnsiConsole ui)
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
}
