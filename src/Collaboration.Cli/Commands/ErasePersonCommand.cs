using System.CommandLine;
using Collaboration.Audit.Privacy;
using Collaboration.Domain.Kernel;
using Collaboration.EventStore;
using Spectre.Console;
using static Collaboration.Cli.Commands.CommandSupport;

namespace Collaboration.Cli.Commands;

/// <summary><c>collab erase-person</c>: a person's key deleted, recorded as person.erased.v1.</summary>
internal static class ErasePersonCommand
{
    public static Command Create(IAnsiConsole ui)
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
}
