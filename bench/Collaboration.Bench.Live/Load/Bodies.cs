namespace Collaboration.Bench.Live.Load;

/// <summary>The request bodies of the day, shaped as the API's OpenAPI document describes them.</summary>
internal static class Bodies
{
    public static object Partner(string kind, string zh, string en) =>
        new { kind, name = new { zh, en }, contacts = Array.Empty<object>(), externalReference = (string?)null };

    public static object PartnerDetails(string kind, string zh, string en) =>
        new { kind, name = new { zh, en }, contacts = Array.Empty<object>() };

    public static object Memorandum(DateOnly today, string tag) => new
    {
        title = new { zh = $"虹口区政社合作备忘录（{tag}）", en = $"Hongkou Government-Society Cooperation Memorandum ({tag})" },
        purpose = new { zh = "畅通政策沟通渠道，政社协同促发展", en = "Smoothing policy communication channels for development" },
        focusAreas = new[] { "HighLevelTalentServices", "ForeignInvestmentPromotion", "ParkIndustrialPolicy" },
        termStart = today.AddDays(-30),
        termEnd = today.AddDays(730),
    };

    public static object Signing(IReadOnlyList<Guid> parties, DateOnly today) => new
    {
        signatories = parties.Select((party, i) => new { party, name = $"Signatory {i}", title = new { zh = "代表", en = "Representative" } }),
        signedOn = today.AddDays(-1),
        place = new { zh = "瑞虹企业天地", en = "Ruihong Enterprise World" },
    };

    public static object Observer(string name, DateOnly today) => new
    {
        batch = 2,
        details = new { person = (Guid?)null, fullName = name, email = (string?)null, phone = (string?)null },
        nationality = name == "Robert" ? "RO" : "CN",
        roles = name == "Robert" ? new[] { "PublicObserver", "ForeignExperienceOfficer" } : ["PublicObserver"],
        termStart = today.AddDays(-30),
        termEnd = today.AddDays(365),
    };

    private static readonly string[] FocusAreas = ["HighLevelTalentServices", "ForeignInvestmentPromotion", "ParkIndustrialPolicy"];

    public static object Commitment(District district, int owner, long n) => new
    {
        memorandum = district.Memorandum,
        focusArea = FocusAreas[n % FocusAreas.Length],
        owner = district.Partners[owner].Id,
        description = new { zh = $"承诺事项 {n}", en = $"Commitment {n}" },
        dueDate = district.Today.AddDays(180).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        weight = 1m,
    };

    public static object ProgressReport(int percent, DateOnly today) =>
        new { percent, narrative = new { zh = "按计划推进。", en = "Progressing as planned." }, asOf = today };

    private static readonly string[] Services = ["WorkPermit", "ResidencePermit", "ChildrenSchooling", "Housing"];

    public static object TalentCase(long n, Guid? referredBy) => new
    {
        talent = new { person = (Guid?)null, fullName = $"Talent {n}", email = $"talent{n}@example.org", phone = (string?)null },
        nationality = n % 3 == 0 ? "RO" : "DE",
        category = "ForeignHighEndA",
        service = Services[n % Services.Length],
        referredBy,
    };

    public static object Assignment(long n) => new { department = "Talent Work Bureau", officer = $"officer-{n % 7}" };

    public static object Resolution => new { outcome = new { zh = "已办结。", en = "Done." } };

    public static object Feedback(long n) => new
    {
        topic = new { zh = (string?)null, en = "Service hall signage" },
        policy = (Guid?)null,
        writtenIn = "En",
        text = $"Bilingual signs at the service hall would help foreign residents ({n}).",
    };

    public static object Answer => new { answer = new { zh = "服务大厅将增设双语标识。", en = "Bilingual signs will be added to the service hall." } };
}
