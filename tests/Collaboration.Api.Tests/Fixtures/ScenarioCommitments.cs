using System.Net;
using Collaboration.Api.Application;
using Collaboration.Api.Modules.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.Partners;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Fixtures;

/// <summary>A signed (active) memorandum between the district office and two partner organisations, plus one outsider.</summary>
public sealed record SignedMemorandumScenario(Guid Memorandum, Guid DistrictOffice, Guid PartnerA, Guid PartnerB, Guid Outsider, DateOnly Today)
{
    public DateOnly TermStart => Today.AddDays(-30);

    public DateOnly TermEnd => Today.AddDays(730);

    /// <summary>A due date comfortably inside the term and the at-risk window's far side.</summary>
    public DateOnly DueDate => Today.AddDays(180);
}

/// <summary>
/// Builds commitment scenarios. Partners are registered through the HTTP API. The memorandum is drafted, given its
/// parties and signed by running the Memoranda domain commands through the app's own <see cref="StreamExecutor"/>,
/// because this branch has no memoranda endpoints yet; the events land in the same store the API reads.
/// </summary>
public static class ScenarioCommitments
{
    public static async Task<SignedMemorandumScenario> SignedMemorandumAsync(this ApiFactory api)
    {
        var office = await api.RegisterPartnerAsync(PartnerKind.GovernmentDepartment, "虹口区人民政府办公室", "Hongkou District Government Office");
        var a = await api.RegisterPartnerAsync(PartnerKind.ChamberOfCommerce, "上海国际商会", "Shanghai International Chamber of Commerce");
        var b = await api.RegisterPartnerAsync(PartnerKind.IndustrialPark, "北外滩园区", "North Bund Park Operator");
        var outsider = await api.RegisterPartnerAsync(PartnerKind.IndustryAssociation, "上海软件行业协会", "Shanghai Software Industry Association");

        var executor = api.Services.GetRequiredService<StreamExecutor>();
        var time = api.Services.GetRequiredService<TimeProvider>();
        var at = time.GetUtcNow();
        var today = DistrictTime.Today(time);
        var id = MemorandumId.New();

        await RunAsync(executor, id, StreamIntent.Create, new DraftMemorandum(
            id,
            new BilingualText("政社合作备忘录", "Government-Society Cooperation Memorandum"),
            new BilingualText("人才服务与投资促进", "Talent services and investment promotion"),
            [FocusArea.HighLevelTalentServices, FocusArea.ForeignInvestmentPromotion],
            today.AddDays(-30),
            today.AddDays(730),
            at));
        foreach (var (partner, role) in new[] { (office, PartyRole.DistrictOffice), (a, PartyRole.PartnerOrganisation), (b, PartyRole.PartnerOrganisation) })
        {
            var loaded = await executor.LoadAsync<PartnerDecider, PartnerState, IPartnerCommand, IPartnerEvent>(
                PartnerDecider.StreamName(PartnerId.From(partner)), CancellationToken.None);
            await RunAsync(executor, id, StreamIntent.Update, new AddMemorandumParty(id, PartnerDecider.Summarise(loaded.State)!, role, at));
        }

        var title = new BilingualText("代表", "Representative");
        await RunAsync(executor, id, StreamIntent.Update, new SignMemorandum(
            id,
            [new PartySignatory(PartnerId.From(office), "Zhang Wei", title), new PartySignatory(PartnerId.From(a), "Wang Li", title), new PartySignatory(PartnerId.From(b), "Chen Jie", title)],
            today.AddDays(-1),
            new BilingualText("虹口区", "Hongkou District"),
            at));
        return new SignedMemorandumScenario(id.Value, office, a, b, outsider, today);
    }

    /// <summary>Suspends the scenario's memorandum (as the office would), so progress stops but cancel and return stay open.</summary>
    public static async Task SuspendMemorandumAsync(this ApiFactory api, SignedMemorandumScenario memorandum)
    {
        var id = MemorandumId.From(memorandum.Memorandum);
        await RunAsync(api.Services.GetRequiredService<StreamExecutor>(), id, StreamIntent.Update, new SuspendMemorandum(
            id, new BilingualText("年度评估期间暂停", "Suspended during the annual review"), api.Services.GetRequiredService<TimeProvider>().GetUtcNow()));
    }

    /// <summary>Proposes a commitment owned by <paramref name="owner"/> (as the office) and returns its id.</summary>
    public static async Task<Guid> ProposedCommitmentAsync(this ApiFactory api, SignedMemorandumScenario memorandum, Guid owner)
    {
        var response = await api.Office().PostAsync("/api/v1/commitments", ApiJson.Body(ProposeBody(memorandum, owner)));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.CreatedIdAsync();
    }

    /// <summary>Proposes and accepts a commitment owned by <paramref name="owner"/>; returns its id.</summary>
    public static async Task<Guid> AcceptedCommitmentAsync(this ApiFactory api, SignedMemorandumScenario memorandum, Guid owner)
    {
        var id = await api.ProposedCommitmentAsync(memorandum, owner);
        var accepted = await api.Office().PostAsync($"/api/v1/commitments/{id}/accept", null);
        accepted.StatusCode.Should().Be(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        return id;
    }

    public static object ProposeBody(SignedMemorandumScenario memorandum, Guid owner, DateOnly? dueDate = null, decimal weight = 1m) => new
    {
        memorandum = memorandum.Memorandum,
        focusArea = "HighLevelTalentServices",
        owner,
        description = new { zh = "为外籍高层次人才提供一站式服务", en = "One-stop services for high-level foreign talent" },
        dueDate = (dueDate ?? memorandum.DueDate).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        weight,
    };

    private static async Task<Guid> RegisterPartnerAsync(this ApiFactory api, PartnerKind kind, string zh, string en)
    {
        var response = await api.Office().PostAsync("/api/v1/partners", ApiJson.Body(new
        {
            kind = kind.ToString(),
            name = new { zh, en },
            contacts = Array.Empty<object>(),
            externalReference = (string?)null,
        }));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.CreatedIdAsync();
    }

    private static async Task RunAsync(StreamExecutor executor, MemorandumId id, StreamIntent intent, IMemorandumCommand command)
    {
        var outcome = await executor.ExecuteAsync<MemorandumDecider, MemorandumState, IMemorandumCommand, IMemorandumEvent>(
            id.Value,
            MemorandumDecider.StreamName(id),
            intent,
            _ => command,
            Caller.System,
            WriteOptions.None,
            CancellationToken.None);
        outcome.Should().BeOfType<CommandOutcome.Accepted>($"{command.GetType().Name} sets up the scenario");
    }
}
