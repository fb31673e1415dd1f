using System.CommandLine;
using Collaboration.Api.Spreadsheets;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.Cli;
using Collaboration.Cli.Commands;
using Collaboration.EventStore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Collaboration.Api.Tests.Imports;

/// <summary><c>collab import-sheet</c> goes through the tracker's API: preview table, then --confirm applies; same rules.</summary>
public sealed class ImportSheetCliTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No, Ansi = AnsiSupport.No });
        var root = new RootCommand { ImportSheetCommand.Create(console, () => api.Server.CreateHandler()) };
        var parse = root.Parse(["import-sheet", .. args]);
        parse.Errors.Should().BeEmpty();
        var exit = await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        return (exit, output.ToString());
    }

    [Fact]
    public async Task previews_then_confirms_then_a_second_run_changes_nothing()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var path = Path.Combine(Path.GetTempPath(), $"partners-{suffix}.xlsx");
        await File.WriteAllBytesAsync(path, await ImportUpload.FilledXlsxAsync(api.Office(), "partners", "zh",
            [SheetCell.Of($"CLI-{suffix}"), SheetCell.Of("商会"), SheetCell.Of("测试商会"), SheetCell.Of("Test Chamber")]));
        string[] common = [path, "--kind", "partners", "--url", "http://localhost/", "--token", TestTokens.Office()];
        var store = api.Services.GetRequiredService<IEventStore>();

        var head = await store.ReadHeadPositionAsync();
        var preview = await RunAsync(common);
        preview.Exit.Should().Be(0, preview.Output);
        preview.Output.Should().Contain("Create").And.Contain($"cli-{suffix}").And.Contain("Preview only");
        (await store.ReadHeadPositionAsync()).Should().Be(head, "a preview writes nothing");

        var applied = await RunAsync([.. common, "--confirm"]);
        applied.Exit.Should().Be(0, applied.Output);
        applied.Output.Should().Contain("Recorded as import-");

        var again = await RunAsync([.. common, "--confirm"]);
        again.Output.Should().Contain("Unchanged").And.Contain("nothing (no row changed)");
    }

    [Fact]
    public async Task a_partner_token_is_refused_by_the_tracker()
    {
        var path = Path.Combine(Path.GetTempPath(), $"partners-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, "externalReference,kind,nameZh,nameEn\r\nX-1,Enterprise,甲,A\r\n");

        var (exit, output) = await RunAsync(path, "--kind", "partners", "--url", "http://localhost/", "--token", TestTokens.Partner(Guid.NewGuid()));

        exit.Should().Be(1);
        output.Should().Contain("403");
    }

    [Fact]
    public void the_other_commands_still_require_a_log_file()
    {
        var parse = CollabCommands.Create().Parse(["stats"]);

        parse.Errors.Should().ContainSingle().Which.Message.Should().Contain("--db");
    }
}
