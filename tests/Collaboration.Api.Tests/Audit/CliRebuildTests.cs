using Collaboration.Cli;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.TalentCases;
using Collaboration.EventStore.Sqlite;
using Collaboration.Projections;
using Collaboration.Projections.Running;
using Collaboration.Projections.Sqlite;
using Spectre.Console;

namespace Collaboration.Api.Tests.Audit;

public sealed class CliRebuildTests
{
    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No, Ansi = AnsiSupport.No });
        var exit = await CollabCommands.Create(console).Parse(args).InvokeAsync();
        return (exit, output.ToString());
    }

    private static async Task<List<string>> SnapshotAsync(AuditStore audit)
    {
        await using var store = new SqliteEventStore(new SqliteEventStoreOptions { Path = audit.DatabasePath }, TimeProvider.System);
        var runner = new ProjectionRunner(store, new SqliteViewStore(store), audit.Serializer, ReadModels.All());
        await runner.StartAsync();
        var documents = new List<string>();
        foreach (var projection in runner.Projections)
        {
            documents.AddRange((await runner.Views.ListAsync(projection.Name, null)).Select(d => $"{d.View}/{d.Key}@{d.Position}: {d.Json}"));
        }

        return documents;
    }

    [Fact]
    public async Task rebuilding_every_read_model_from_the_command_line_gives_the_live_views_back()
    {
        var audit = AuditStore.Create();
        try
        {
            var memorandum = MemorandumId.New();
            var partner = PartnerId.New();
            var commitment = CommitmentId.New();
            var day = new DateOnly(2024, 9, 2);
            var at = new DateTimeOffset(2024, 9, 2, 9, 0, 0, TimeSpan.FromHours(8));
            await audit.AppendAsync(MemorandumDecider.StreamName(memorandum),
                new MemorandumDrafted(memorandum, new BilingualText("政社合作备忘录", "Cooperation memorandum"), new BilingualText("合作", "Cooperation"),
                    [FocusArea.HighLevelTalentServices], day, day.AddYears(3), at),
                new MemorandumPartyAdded(memorandum, partner, PartyRole.PartnerOrganisation, new BilingualText("上海国际商会", "Shanghai International Chamber of Commerce"), at));
            var report = ProgressReportId.New();
            await audit.AppendAsync(CommitmentDecider.StreamName(commitment),
                new CommitmentProposed(commitment, memorandum, FocusArea.HighLevelTalentServices, partner, new BilingualText("服务外籍人才", "Serve foreign talent"),
                    day.AddYears(1), 1m, day, "office-1", at),
                new CommitmentAccepted(commitment, day, "office-1", at),
                new CommitmentProgressReported(commitment, report, 40m, new BilingualText("进展", "Progress"), day.AddDays(3), "partner-1", ActorRole.Partner, at),
                new ProgressReportApproved(commitment, report, 40m, day.AddDays(3), day.AddDays(4), "office-1", at));
            var caseId = TalentCaseId.New();
            await audit.AppendAsync(TalentCaseDecider.StreamName(caseId), AuditStore.CaseOpened(caseId, new PersonalDetails(PersonId.New(), "Robert Ionescu", null, null)));

            var runner = new ProjectionRunner(audit.Store, new SqliteViewStore(audit.Store), audit.Serializer, ReadModels.All());
            await runner.CatchUpAsync();
            await audit.Store.DisposeAsync();
            var live = await SnapshotAsync(audit);
            live.Should().Contain(d => d.StartsWith("commitment-detail/", StringComparison.Ordinal) && d.Contains("\"approvedProgress\":40", StringComparison.Ordinal));

            var rebuilt = await RunAsync("rebuild", "--all", "--db", audit.DatabasePath);
            rebuilt.Exit.Should().Be(0, rebuilt.Output);
            rebuilt.Output.Should().Contain("events/s");

            (await SnapshotAsync(audit)).Should().Equal(live);
            (await RunAsync("rebuild", "no-such-view", "--db", audit.DatabasePath)).Exit.Should().Be(1);
        }
        finally
        {
            await audit.DisposeAsync();
        }
    }
}
