using Collaboration.Cli;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using Microsoft.Data.Sqlite;
using Spectre.Console;

namespace Collaboration.Api.Tests.Audit;

public sealed class CliTests
{
    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No, Ansi = AnsiSupport.No });
        var exit = await CollabCommands.Create(console).Parse(args).InvokeAsync();
        return (exit, output.ToString());
    }

    [Fact]
    public async Task verify_checkpoint_export_import_replay_stats_and_erase_work_from_the_command_line()
    {
        var robert = new PersonalDetails(PersonId.New(), "Robert Ionescu", null, null);
        var caseId = TalentCaseId.New();
        var audit = AuditStore.Create();
        var db = audit.DatabasePath;
        var directory = audit.Directory;
        await audit.AppendAsync(TalentCaseDecider.StreamName(caseId), AuditStore.CaseOpened(caseId, robert));
        await audit.AppendAsync(TalentCaseDecider.StreamName(TalentCaseId.New()), AuditStore.CaseOpened(TalentCaseId.New(), new PersonalDetails(PersonId.New(), "Li Na", null, null)));
        System.IO.Directory.CreateDirectory(directory + "-keep");

        // The CLI opens the files itself, as an operator would with the service stopped.
        await audit.Store.DisposeAsync();

        try
        {
            (await RunAsync("verify", "--db", db)).Exit.Should().Be(0);
            var checkpointFile = Path.Combine(directory + "-keep", "checkpoint.json");
            (await RunAsync("checkpoint", "--db", db, "--out", checkpointFile)).Exit.Should().Be(0);
            (await RunAsync("verify", "--db", db, "--checkpoint", checkpointFile)).Exit.Should().Be(0);

            var exportFile = Path.Combine(directory + "-keep", "log.ndjson");
            var exported = await RunAsync("export", "--db", db, "--out", exportFile);
            exported.Exit.Should().Be(0, exported.Output);
            exported.Output.Should().Contain("2 events written");
            (await File.ReadAllLinesAsync(exportFile)).Should().HaveCount(2);
            var copy = Path.Combine(directory + "-keep", "copy.db");
            var imported = await RunAsync("import", exportFile, "--db", copy);
            imported.Exit.Should().Be(0, imported.Output);
            imported.Output.Should().Contain("identical");

            var replay = await RunAsync("replay", "--db", db, "--stream", TalentCaseDecider.StreamName(caseId));
            replay.Exit.Should().Be(0, replay.Output);
            replay.Output.Should().Contain("Robert Ionescu");
            (await RunAsync("stats", "--db", db)).Output.Should().Contain("talent-case.opened.v1");

            (await RunAsync("erase-person", robert.Person.Value.ToString(), "--db", db, "--reason", "PIPL request 17", "--by", "office-7")).Exit.Should().Be(0);
            (await RunAsync("replay", "--db", db, "--stream", TalentCaseDecider.StreamName(caseId))).Output.Should().NotContain("Robert").And.Contain("[erased]");
            (await RunAsync("verify", "--db", db)).Exit.Should().Be(0, "erasure leaves the chain valid");

            await using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var tamper = connection.CreateCommand();
                tamper.CommandText = "UPDATE events SET data = CAST(replace(CAST(data AS TEXT), 'RO', 'RU') AS BLOB) WHERE position = 2;";
                await tamper.ExecuteNonQueryAsync();
            }

            var broken = await RunAsync("verify", "--db", db);
            broken.Exit.Should().Be(2);
            broken.Output.Should().Contain("first bad position: 2");
            (await RunAsync("verify", "--db", db, "--checkpoint", checkpointFile)).Exit.Should().Be(2);
        }
        finally
        {
            await audit.DisposeAsync();
            try
            {
                System.IO.Directory.Delete(directory + "-keep", recursive: true);
            }
            catch (IOException)
            {
                // The OS temp cleaner takes what a pooled handle still holds.
            }
        }
    }

    [Fact]
    public async Task verify_reports_a_damaged_stream_index_and_repair_stream_index_rebuilds_it_from_the_log()
    {
        var audit = AuditStore.Create();
        var db = audit.DatabasePath;
        var caseId = TalentCaseId.New();
        await audit.AppendAsync(TalentCaseDecider.StreamName(caseId), AuditStore.CaseOpened(caseId, new PersonalDetails(PersonId.New(), "Anna Schmidt", null, null)));
        var other = TalentCaseId.New();
        await audit.AppendAsync(TalentCaseDecider.StreamName(other), AuditStore.CaseOpened(other, new PersonalDetails(PersonId.New(), "Li Na", null, null)));
        await audit.Store.DisposeAsync();

        try
        {
            await using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var damage = connection.CreateCommand();
                damage.CommandText = "DELETE FROM stream_tail WHERE position = 1; DELETE FROM stream_index WHERE position = 1;";
                await damage.ExecuteNonQueryAsync();
            }

            var damaged = await RunAsync("verify", "--db", db);
            damaged.Exit.Should().Be(2, damaged.Output);
            damaged.Output.Should().Contain("VALID positions 1..2").And.Contain("STREAM INDEX DAMAGED").And.Contain("position 1 has no matching stream entry");

            var repaired = await RunAsync("repair-stream-index", "--db", db);
            repaired.Exit.Should().Be(0, repaired.Output);
            repaired.Output.Should().Contain("2 stream entries written").And.Contain("stream index consistent: 2 entries for 2 events");

            var verified = await RunAsync("verify", "--db", db);
            verified.Exit.Should().Be(0, verified.Output);
            var replay = await RunAsync("replay", "--db", db, "--stream", TalentCaseDecider.StreamName(caseId));
            replay.Output.Should().Contain("Anna Schmidt");
        }
        finally
        {
            await audit.DisposeAsync();
        }
    }
}
