using System.Net;

namespace Collaboration.Api.Tests.Fixtures;

/// <summary>The parties and memorandum a scenario set up through the API, with the memorandum's last revision (its ETag).</summary>
public sealed record MemorandumScenario(Guid DistrictOffice, Guid PartnerA, Guid PartnerB, Guid Memorandum, long Revision);

/// <summary>
/// Builders that set up memoranda, policies and packages through the real endpoints (no shortcuts into the store),
/// so other modules' tests start from the state they name: <c>await Scenario.SignedMemorandumAsync(api)</c>.
/// Every call creates fresh aggregates, so tests sharing one <see cref="ApiFactory"/> never see each other's data.
/// </summary>
public static partial class Scenario
{
    /// <summary>The signing date used by <see cref="SignedMemorandumAsync"/>: the 2024 Government Open Month event.</summary>
    public static readonly DateOnly SignedOn = new(2024, 9, 20);

    public static readonly DateOnly TermStart = new(2024, 9, 1);

    public static readonly DateOnly TermEnd = new(2026, 8, 31);

    /// <summary>Registers an organisation and returns its id.</summary>
    public static async Task<Guid> PartnerAsync(ApiFactory api, string kind, string zh, string en)
    {
        var response = await api.Office().PostAsync("/api/v1/partners", ApiJson.Body(new
        {
            kind,
            name = new { zh, en },
            contacts = Array.Empty<object>(),
            externalReference = (string?)null,
        }));
        await EnsureAsync(response, HttpStatusCode.Created);
        return await response.CreatedIdAsync();
    }

    /// <summary>A draft memorandum with no parties yet.</summary>
    public static async Task<(Guid Memorandum, long Revision)> DraftMemorandumAsync(ApiFactory api)
    {
        var response = await api.Office().PostAsync("/api/v1/memoranda", ApiJson.Body(DraftBody()));
        await EnsureAsync(response, HttpStatusCode.Created);
        return (await response.CreatedIdAsync(), response.ETagRevision());
    }

    /// <summary>
    /// A draft with its three parties added (the district office, then partners A and B), ready to sign:
    /// the district office is a government department, A a chamber of commerce, B an industrial park.
    /// </summary>
    public static async Task<MemorandumScenario> DraftWithPartiesAsync(ApiFactory api)
    {
        var office = await PartnerAsync(api, "GovernmentDepartment", "虹口区人民政府办公室", "Hongkou District Government Office");
        var partnerA = await PartnerAsync(api, "ChamberOfCommerce", "上海国际商会", "Shanghai International Chamber of Commerce");
        var partnerB = await PartnerAsync(api, "IndustrialPark", "上海北外滩产业园", "North Bund Industrial Park");
        var (memorandum, revision) = await DraftMemorandumAsync(api);
        revision = await AddPartyAsync(api, memorandum, office, "DistrictOffice");
        await AddPartyAsync(api, memorandum, partnerA, "PartnerOrganisation");
        revision = await AddPartyAsync(api, memorandum, partnerB, "PartnerOrganisation");
        return new MemorandumScenario(office, partnerA, partnerB, memorandum, revision);
    }

    /// <summary>A memorandum signed by the district office and partners A and B on <see cref="SignedOn"/> (status Active).</summary>
    public static async Task<MemorandumScenario> SignedMemorandumAsync(ApiFactory api)
    {
        var draft = await DraftWithPartiesAsync(api);
        var response = await api.Office().SendAsync(ApiJson.Post($"/api/v1/memoranda/{draft.Memorandum}/sign", SignBody(draft), ifMatch: draft.Revision));
        await EnsureAsync(response, HttpStatusCode.OK);
        return draft with { Revision = response.ETagRevision() };
    }

    /// <summary>Publishes a Talent-category policy and returns its id.</summary>
    public static async Task<Guid> PublishedPolicyAsync(ApiFactory api, string en = "Foreign talent housing subsidy")
    {
        var response = await api.Office().PostAsync("/api/v1/policies", ApiJson.Body(PolicyBody(en)));
        await EnsureAsync(response, HttpStatusCode.Created);
        return await response.CreatedIdAsync();
    }

    /// <summary>Delivers a package of the given policies to <paramref name="party"/> and returns the package id.</summary>
    public static async Task<Guid> DeliveredPackageAsync(ApiFactory api, MemorandumScenario memorandum, Guid party, params Guid[] policies)
    {
        var response = await api.Office().PostAsync($"/api/v1/memoranda/{memorandum.Memorandum}/packages", ApiJson.Body(new
        {
            party,
            policies,
            deliveredOn = SignedOn.AddDays(7),
        }));
        await EnsureAsync(response, HttpStatusCode.Created);
        return await response.CreatedIdAsync();
    }

    public static object DraftBody() => new
    {
        title = new { zh = "虹口区政社合作备忘录", en = "Hongkou Government-Society Cooperation Memorandum" },
        purpose = new { zh = "畅通政策沟通渠道，政社协同促发展", en = "Smoothing policy communication channels for development" },
        focusAreas = new[] { "HighLevelTalentServices", "ForeignInvestmentPromotion", "ParkIndustrialPolicy" },
        termStart = TermStart,
        termEnd = TermEnd,
    };

    public static object SignBody(MemorandumScenario draft) => new
    {
        signatories = new[]
        {
            new { party = draft.DistrictOffice, name = "Chen Hua", title = new { zh = "区政府办公室主任", en = "Director, District Government Office" } },
            new { party = draft.PartnerA, name = "Wang Li", title = new { zh = "秘书长", en = "Secretary-General" } },
            new { party = draft.PartnerB, name = "Zhou Min", title = new { zh = "总经理", en = "General Manager" } },
        },
        signedOn = SignedOn,
        place = new { zh = "瑞虹企业天地", en = "Ruihong Enterprise World" },
    };

    public static object PolicyBody(string en = "Foreign talent housing subsidy") => new
    {
        title = new { zh = "外籍人才住房补贴", en },
        summary = new { zh = "为在区内工作的外籍高层次人才提供住房补贴。", en = "Housing subsidy for high-level foreign talent working in the district." },
        issuingDepartment = new { zh = "虹口区人才工作局", en = "Hongkou Talent Work Bureau" },
        category = "Talent",
        link = "https://policies.hongkou.example/talent-housing",
    };

    private static async Task<long> AddPartyAsync(ApiFactory api, Guid memorandum, Guid partner, string role)
    {
        var response = await api.Office().PostAsync($"/api/v1/memoranda/{memorandum}/parties", ApiJson.Body(new { partner, role }));
        await EnsureAsync(response, HttpStatusCode.OK);
        return response.ETagRevision();
    }

    private static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException(
                $"Scenario step {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
