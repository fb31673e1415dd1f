using System.Text.Json;
using System.Text.Json.Nodes;
using Collaboration.Api.Live;
using Collaboration.Api.Modules.Views;
using Collaboration.Audit;
using Collaboration.Audit.Export;
using Collaboration.Cli;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.TalentCases;
using Collaboration.Projections;
using Collaboration.Projections.Catalogue;
using Collaboration.Projections.CommitmentDetails;
using Collaboration.Projections.Overview;
using Collaboration.Projections.Running;
using Collaboration.Projections.Sqlite;
using Spectre.Console;

namespace Collaboration.Api.Tests.Audit;

public sealed class ReadModelsAsOfTests
{
    private static readonly DateOnly Day = new(2024, 9, 2);

    private sealed record Recorded(DateTimeOffset Moment, string? Progress, string? Commitment, string Overview);

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No, Ansi = AnsiSupport.No });
        var exit = await CollabCommands.Create(console).Parse(args).InvokeAsync();
        return (exit, output.ToString());
    }

    private static async Task<string> LiveOverviewAsync(IViewReader views, DateTimeOffset moment)
    {
        async Task<List<T>> ListAsync<T>(string view) => [.. (await views.ListAsync(view, null)).Select(d => ViewJson.Deserialize<T>(d.Json!)!)];
        var overview = DistrictOverview.Compose(
            DistrictTime.DateOf(moment),
            await ListAsync<PartnerListItem>(ViewNames.Partners),
            await ListAsync<MemorandumListItem>(ViewNames.Memoranda),
            await ListAsync<CommitmentDetail>(ViewNames.CommitmentDetail),
            await ListAsync<TalentCaseView>(ViewNames.TalentCaseQueue),
            await ListAsync<FeedbackView>(ViewNames.FeedbackBoard));
        return JsonSerializer.Serialize(overview, ViewJson.Options);
    }

    private static bool SameJson(string? expected, JsonNode? actual) =>
        expected is null ? actual is null : JsonNode.DeepEquals(JsonNode.Parse(expected), actual);

    [Fact]
    public async Task read_models_replayed_as_of_each_moment_equal_what_the_live_views_showed_then()
    {
        var clock = new ReplayClock { Now = new DateTimeOffset(2024, 9, 2, 1, 0, 0, TimeSpan.Zero) };
        var audit = AuditStore.Create(clock);
        try
        {
            var memorandum = MemorandumId.New();
            var partner = PartnerId.New();
            var commitment = CommitmentId.New();
            var report = ProgressReportId.New();
            var at = clock.Now;
            var steps = new (string Stream, object[] Events)[]
            {
                (MemorandumDecider.StreamName(memorandum), [new MemorandumDrafted(memorandum, new BilingualText("政社合作备忘录", "Cooperation memorandum"),
                    new BilingualText("合作", "Cooperation"), [FocusArea.HighLevelTalentServices], Day, Day.AddYears(3), at)]),
                (MemorandumDecider.StreamName(memorandum), [new MemorandumPartyAdded(memorandum, partner, PartyRole.PartnerOrganisation,
                    new BilingualText("上海国际商会", "Shanghai International Chamber of Commerce"), at)]),
                (CommitmentDecider.StreamName(commitment), [new CommitmentProposed(commitment, memorandum, FocusArea.HighLevelTalentServices, partner,
                    new BilingualText("服务外籍人才", "Serve foreign talent"), Day.AddYears(1), 1m, Day, "office-1", at)]),
                (CommitmentDecider.StreamName(commitment), [new CommitmentAccepted(commitment, Day, "office-1", at)]),
                (CommitmentDecider.StreamName(commitment), [new CommitmentProgressReported(commitment, report, 40m, new BilingualText("进展", "Progress"), Day.AddDays(3), "partner-1", ActorRole.Partner, at)]),
                (CommitmentDecider.StreamName(commitment), [new ProgressReportApproved(commitment, report, 40m, Day.AddDays(3), Day.AddDays(4), "office-1", at)]),
            };
            var runner = new ProjectionRunner(audit.Store, new SqliteViewStore(audit.Store), audit.Serializer, ReadModels.All());
            var before = clock.Now.AddMinutes(-30);
            var recorded = new List<Recorded>();
            foreach (var (stream, events) in steps)
            {
                await audit.AppendAsync(stream, events);
                await runner.CatchUpAsync();
                var moment = clock.Now;
                recorded.Add(new Recorded(
                    moment,
                    (await runner.Views.GetAsync(ViewNames.MemorandumProgress, memorandum.Value.ToString("D")))?.Json,
                    (await runner.Views.GetAsync(ViewNames.CommitmentDetail, commitment.Value.ToString("D")))?.Json,
                    await LiveOverviewAsync(runner.Views, moment)));
                clock.Now = clock.Now.AddDays(2);
            }

            var views = new ReadModelsAsOf(audit.Store, audit.Serializer);
            var lookup = new MemorandumCommitments(audit.Store, audit.Serializer, runner);
            var restricted = new ReadModelsAsOf(audit.Store, audit.Serializer, lookup);
            var folded = new MemorandumProgressAsOf(audit.Store, audit.Serializer, lookup);
            var scanned = new MemorandumProgressAsOf(audit.Store, audit.Serializer);
            recorded.Select(r => r.Progress).Distinct().Should().HaveCount(2, "the two memorandum events change its header; commitments are read from their own details");
            recorded.Select(r => r.Commitment).Distinct().Should().HaveCount(steps.Length - 1, "before the proposal there is none, then every commitment step changes it");
            recorded[4].Commitment.Should().NotBe(recorded[3].Commitment, "the commitment's own detail lists the submitted report");
            foreach (var then in recorded)
            {
                var progress = await views.DocumentAsync(ViewNames.MemorandumProgress, memorandum.Value.ToString("D"), then.Moment);
                SameJson(then.Progress, progress?.Document).Should().BeTrue($"the progress view as of {then.Moment:O} is what the live view showed then");
                var fast = await restricted.DocumentAsync(ViewNames.MemorandumProgress, memorandum.Value.ToString("D"), then.Moment);
                SameJson(then.Progress, fast?.Document).Should().BeTrue($"replaying only the memorandum's streams as of {then.Moment:O} gives the same document");
                var viaLookup = await folded.ComputeAsync(memorandum, then.Moment);
                JsonSerializer.Serialize(viaLookup).Should().Be(JsonSerializer.Serialize(await scanned.ComputeAsync(memorandum, then.Moment)));
                var detail = await views.DocumentAsync(ViewNames.CommitmentDetail, commitment.Value.ToString("D"), then.Moment);
                SameJson(then.Commitment, detail?.Document).Should().BeTrue($"the commitment as of {then.Moment:O} is what the live view showed then");
                var overview = await views.OverviewAsync(then.Moment);
                SameJson(then.Overview, JsonSerializer.SerializeToNode(overview.Overview, ViewJson.Options)).Should().BeTrue($"the overview as of {then.Moment:O} is what it was then");
            }

            (await views.DocumentAsync(ViewNames.MemorandumProgress, memorandum.Value.ToString("D"), before)).Should().BeNull();
            (await views.DocumentAsync("no-such-view", memorandum.Value.ToString("D"), null)).Should().BeNull();

            await audit.Store.DisposeAsync();
            var third = recorded[2];
            var cli = await RunAsync("replay", "--db", audit.DatabasePath, "--view", ViewNames.CommitmentDetail, "--key", commitment.Value.ToString("D"),
                "--as-of", third.Moment.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            cli.Exit.Should().Be(0, cli.Output);
            cli.Output.Should().Contain("\"approvedProgress\": 0").And.Contain("Proposed");
            var overviewCli = await RunAsync("replay", "--db", audit.DatabasePath, "--view", "overview",
                "--as-of", recorded[^1].Moment.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            overviewCli.Exit.Should().Be(0, overviewCli.Output);
            overviewCli.Output.Should().Contain("\"activeMemoranda\"");

            var csvFile = Path.Combine(audit.Directory, "commitments.csv");
            var exported = await RunAsync("export", "--db", audit.DatabasePath, "--view", ViewNames.CommitmentDetail, "--csv", "--out", csvFile);
            exported.Exit.Should().Be(0, exported.Output);
            var lines = await File.ReadAllLinesAsync(csvFile);
            lines.Should().HaveCount(2, "a header and one row per document");
            lines[0].Should().StartWith("key,position,");
            lines[1].Should().StartWith(commitment.Value.ToString("D"));
        }
        finally
        {
            await audit.DisposeAsync();
        }
    }
}
