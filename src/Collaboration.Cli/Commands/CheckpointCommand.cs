using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using static Collaboration.Cli.Commands.CommandSupport;

namespace Collaboration.Cli.Commands;

/// <summary><c>collab checkpoint</c>: the chain head signed, to keep outside the system.</summary>
internal static class CheckpointCommand
{
    public static Command Create(IAnsiConsole ui)
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
}
