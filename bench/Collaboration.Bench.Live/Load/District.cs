using Collaboration.Domain.Kernel;

namespace Collaboration.Bench.Live.Load;

/// <summary>
/// The district at the start of the day, set up through the API as the office would: the district office and the
/// talent bureau, the ten signatories of the 2024 Government Open Month memorandum (names from the scenario), the
/// memorandum signed by all eleven, five appointed observers (Robert first) and three accepted commitments per partner.
/// </summary>
internal sealed class District
{
    public static readonly (string Kind, string Zh, string En)[] Signatories =
    [
        ("ChamberOfCommerce", "上海国际商会", "Shanghai International Chamber of Commerce"),
        ("ChamberOfCommerce", "虹口区工商业联合会", "Hongkou Federation of Industry and Commerce"),
        ("IndustryAssociation", "虹口区航运服务业协会", "Hongkou Shipping Services Association"),
        ("IndustryAssociation", "虹口区金融服务业协会", "Hongkou Financial Services Association"),
        ("IndustryAssociation", "虹口区软件和信息服务业协会", "Hongkou Software and Information Services Association"),
        ("IndustrialPark", "瑞虹企业天地", "Ruihong Enterprise World"),
        ("IndustrialPark", "北外滩国际航运服务园区", "North Bund International Shipping Services Park"),
        ("IndustrialPark", "虹口科技创新园", "Hongkou Technology Innovation Park"),
        ("IndustrialPark", "音乐谷文创园区", "Music Valley Creative Park"),
        ("ChamberOfCommerce", "虹口区外商投资企业协会", "Hongkou Association of Foreign-Invested Enterprises"),
    ];

    private static readonly string[] ObserverNames = ["Robert", "Li Na", "Maria Rossi", "Kenji Sato", "Zhao Lei"];

    private District(LoadActor office, DateOnly today)
    {
        Office = office;
        Today = today;
    }

    public LoadActor Office { get; }

    public DateOnly Today { get; }

    public Guid DistrictOffice { get; private set; }

    public Guid TalentBureau { get; private set; }

    public Guid Memorandum { get; private set; }

    public List<(Guid Id, LoadActor Actor)> Partners { get; } = [];

    public List<(Guid Id, LoadActor Actor)> Observers { get; } = [];

    /// <summary>Accepted commitments at the start of the day, with their owner's index in <see cref="Partners"/>.</summary>
    public List<(Guid Id, int Owner)> Commitments { get; } = [];

    public static async Task<District> SetUpAsync(HttpClient http, BenchTokens tokens)
    {
        var office = new LoadActor("office.zhang", http, tokens.Office("office.zhang"));
        var district = new District(office, DistrictTime.Today(TimeProvider.System));
        district.DistrictOffice = await district.RegisterAsync("GovernmentDepartment", "虹口区人民政府办公室", "Hongkou District Government Office");
        district.TalentBureau = await district.RegisterAsync("GovernmentDepartment", "虹口区人才工作局", "Hongkou Talent Work Bureau");
        for (var i = 0; i < Signatories.Length; i++)
        {
            var (kind, zh, en) = Signatories[i];
            var id = await district.RegisterAsync(kind, zh, en);
            district.Partners.Add((id, new LoadActor($"partner{i}.liaison", http, tokens.Partner($"partner{i}.liaison", id))));
        }

        district.Memorandum = await district.SignedMemorandumAsync();
        foreach (var name in ObserverNames)
        {
            var id = await Expect(await office.PostAsync("api/v1/observers", Bodies.Observer(name, district.Today)), "appoint an observer");
            district.Observers.Add((id, new LoadActor(name, http, tokens.Observer(name, id))));
        }

        for (var owner = 0; owner < district.Partners.Count; owner++)
        {
            for (var n = 0; n < 3; n++)
            {
                var id = await Expect(await office.PostAsync("api/v1/commitments", Bodies.Commitment(district, owner, n)), "propose a commitment");
                await Expect(await office.PostAsync($"api/v1/commitments/{id}/accept", null), "accept a commitment");
                district.Commitments.Add((id, owner));
            }
        }

        return district;
    }

    public static Task<Guid> Expect(LoadReply reply, string step) =>
        reply.Ok ? Task.FromResult(reply.Id) : throw new InvalidOperationException($"Setting up the district: {step} answered {reply}");

    private async Task<Guid> RegisterAsync(string kind, string zh, string en) =>
        await Expect(await Office.PostAsync("api/v1/partners", Bodies.Partner(kind, zh, en)), $"register {en}");

    private async Task<Guid> SignedMemorandumAsync()
    {
        var id = await Expect(await Office.PostAsync("api/v1/memoranda", Bodies.Memorandum(Today, "2024")), "draft the memorandum");
        await Expect(await Office.PostAsync($"api/v1/memoranda/{id}/parties", new { partner = DistrictOffice, role = "DistrictOffice" }), "add the district office");
        foreach (var (partner, _) in Partners)
        {
            await Expect(await Office.PostAsync($"api/v1/memoranda/{id}/parties", new { partner, role = "PartnerOrganisation" }), "add a party");
        }

        await Expect(await Office.PostAsync($"api/v1/memoranda/{id}/sign", Bodies.Signing([DistrictOffice, .. Partners.Select(p => p.Id)], Today)), "sign the memorandum");
        return id;
    }
}
