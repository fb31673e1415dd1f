using System.Globalization;
using System.Net;
using Collaboration.Api.Modules;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.EventStore;
using Collaboration.Projections.Running;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Visibility;

/// <summary>What kind of value the visibility table withholds.</summary>
public enum SecretKind
{
    TalentEmail,
    TalentPhone,
    TalentNote,
    PackageId,
    ReportNarrative,
    ReturnReason,
    ObserverId,
    PartnerContact,
    DraftMemorandumText,
}

/// <summary>
/// One value the scenario wrote that some callers must never see, with the one fact the rules need about it:
/// the partner that owns it (a package's party, a commitment's owner, a contact's organisation), the observer it
/// belongs to, or the current parties of the memorandum it is in.
/// </summary>
public sealed record Secret(SecretKind Kind, string Value, Guid? OwnerOrganisation = null, Guid? OwnerObserver = null, IReadOnlyList<Guid>? Parties = null);

/// <summary>
/// The demo scenario (<see cref="DemoData"/>) plus what it lacks so every secret kind exists for at least two
/// organisations, written through the API as the office. Every value written is remembered here, so the oracle
/// (<see cref="LeakOracle"/>) can be computed from the scenario alone.
/// </summary>
public sealed class LeakScenario
{
    public static readonly Guid DemoMemorandum = Demo(0x40);

    /// <summary>Partner A: the Shanghai International Chamber of Commerce (demo partner 01).</summary>
    public static readonly Guid PartnerA = Demo(0x01);

    /// <summary>Partner B: the Hongkou Federation of Industry and Commerce (demo partner 02).</summary>
    public static readonly Guid PartnerB = Demo(0x02);

    public static readonly Guid Robert = Demo(0xb1);

    public static readonly Guid WangFang = Demo(0xb2);

    public static readonly Guid ZhangWei = Demo(0xb3);

    /// <summary>Every demo partner key (README: ids are 0193a000-0000-7000-8000-0000000000XX).</summary>
    private static readonly int[] DemoPartnerKeys = [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x10, 0x11, 0x12];

    private static readonly int[] DemoCommitmentOwners = [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0a];

    private readonly List<Secret> _secrets = [];
    private readonly ApiFactory _api;

    private LeakScenario(ApiFactory api) => _api = api;

    public List<Guid> Partners { get; } = [.. DemoPartnerKeys.Select(Demo)];

    public List<Guid> Policies { get; } = [.. Enumerable.Range(0x20, 5).Select(Demo)];

    public List<Guid> Memoranda { get; } = [DemoMemorandum];

    public List<Guid> Packages { get; } = [.. Enumerable.Range(0x51, 10).Select(Demo)];

    public List<Guid> Commitments { get; } = [.. Enumerable.Range(0x60, DemoCommitmentOwners.Length).Select(Demo)];

    public List<Guid> Reports { get; } = [.. Enumerable.Range(0x200, DemoCommitmentOwners.Length).Select(Demo)];

    public List<Guid> TalentCases { get; } = [.. Enumerable.Range(0x300, 6).Select(Demo)];

    public List<Guid> Observers { get; } = [Robert, WangFang, ZhangWei];

    public List<Guid> Feedback { get; } = [.. Enumerable.Range(0xc1, 3).Select(Demo)];

    /// <summary>A partner webhook endpoint (office only); port 9 refuses at once.</summary>
    public List<Guid> Webhooks { get; } = [];

    /// <summary>Added to the draft memorandum, then removed: it must see nothing of anyone.</summary>
    public Guid RemovedParty { get; private set; }

    public Guid DraftMemorandum { get; private set; }

    public IReadOnlyList<Secret> Secrets
    {
        get
        {
            lock (_secrets)
            {
                return [.. _secrets];
            }
        }
    }

    /// <summary>Every aggregate stream the scenario wrote, as the audit endpoints name them.</summary>
    public IReadOnlyList<string> Streams =>
    [
        .. Partners.Select(id => $"partner-{id}"),
        .. Policies.Select(id => $"policy-{id}"),
        .. Memoranda.Select(id => $"memorandum-{id}"),
        .. Commitments.Select(id => $"commitment-{id}"),
        .. TalentCases.Select(id => $"talent-case-{id}"),
        .. Observers.Select(id => $"observer-{id}"),
        .. Feedback.Select(id => $"feedback-{id}"),
    ];

    public static Guid Demo(int key) => Guid.Parse($"0193a000-0000-7000-8000-{key:x12}", CultureInfo.InvariantCulture);

    public static async Task<LeakScenario> SeedAsync(ApiFactory api)
    {
        var scenario = new LeakScenario(api);
        await DemoData.SeedAsync(api.Services, CancellationToken.None);
        scenario.RememberDemoSecrets();
        await scenario.AddWhatTheDemoLacksAsync();
        await scenario.WaitForViewsAsync();
        return scenario;
    }

    /// <summary>Writes done while hub connections listen: another office note, another referred case, another observer item.</summary>
    public async Task LiveWritesAsync()
    {
        await AddNoteAsync(TalentCases[6], "LIVE office note on case A: the employer asked us not to tell the referrer yet K8QW");
        await OpenCaseAsync(PartnerB, "Live Case C", "live.case.c.x4n1@talent.example", "+86 139 3000 0303", note: null);
        await SubmitFeedbackAsync(WangFang, "Live question about talent apartments in the North Bund.");
        await WaitForViewsAsync();
    }

    public async Task WaitForViewsAsync()
    {
        var head = await _api.Services.GetRequiredService<IEventStore>().ReadHeadPositionAsync();
        await _api.Services.GetRequiredService<ProjectionRunner>().WaitForAsync(head).WaitAsync(TimeSpan.FromSeconds(30));
    }

    private void RememberDemoSecrets()
    {
        // DemoData: talent case i has talent{i}@mail.example and no phone; nothing else it writes is unique enough to scan for
        // (every demo report narrative is the same sentence, so its one pending report is not counted here).
        for (var i = 0; i < 6; i++)
        {
            Add(new Secret(SecretKind.TalentEmail, $"talent{i}@mail.example"));
        }

        for (var key = 0x01; key <= 0x0a; key++)
        {
            Add(new Secret(SecretKind.PackageId, Demo(0x50 + key).ToString(), OwnerOrganisation: Demo(key)));
        }

        Add(new Secret(SecretKind.ObserverId, Robert.ToString(), OwnerObserver: Robert));

        // DemoData registers each partner with one liaison, liaison{key:x2}@hongkou.example.
        foreach (var key in DemoPartnerKeys)
        {
            Add(new Secret(SecretKind.PartnerContact, $"liaison{key:x2}@hongkou.example", OwnerOrganisation: Demo(key)));
        }
    }

    private async Task AddWhatTheDemoLacksAsync()
    {
        // Talent cases referred by A and by B, each with e-mail, phone and an office note.
        await OpenCaseAsync(PartnerA, "Elena Vasquez", "elena.vasquez.q7m2@talent.example", "+86 139 1000 0101",
            "Office note on case A: visa interview moved, salary band 60k Q7M2");
        await OpenCaseAsync(PartnerB, "Tomasz Nowak", "tomasz.nowak.z3p8@talent.example", "+86 139 2000 0202",
            "Office note on case B: previous permit was refused in 2021 Z3P8");

        // A commitment each for A and B: one report returned with a reason, the next one left pending.
        foreach (var (owner, tag) in new[] { (PartnerA, "A"), (PartnerB, "B") })
        {
            await CommitmentWithReportsAsync(owner, tag);
        }

        var webhook = await Office().PostAsync("/api/v1/notifications/webhooks", ApiJson.Body(new { partner = PartnerA, url = "http://127.0.0.1:9/hooks/leak" }));
        if (webhook.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Registering a webhook answered {(int)webhook.StatusCode}: {await webhook.Content.ReadAsStringAsync()}");
        }

        Webhooks.Add(await webhook.CreatedIdAsync());

        // A party added to a draft memorandum and removed again.
        RemovedParty = await RegisterPartnerAsync("LEAK removed party association", "IndustryAssociation");
        Partners.Add(RemovedParty);
        const string draftTitle = "LEAK draft memorandum on talent apartments D5T1";
        const string draftPurpose = "LEAK purpose: pilot talent apartments in the North Bund D6P2";
        var draft = await Office().PostAsync("/api/v1/memoranda", ApiJson.Body(new
        {
            title = new { zh = "草案备忘录", en = draftTitle },
            purpose = new { zh = "测试", en = draftPurpose },
            focusAreas = new[] { "HighLevelTalentServices" },
            termStart = new DateOnly(2026, 1, 1),
            termEnd = new DateOnly(2028, 12, 31),
        }));
        DraftMemorandum = await CreatedAsync(draft);
        Memoranda.Add(DraftMemorandum);
        await ExpectAsync(Office().PostAsync($"/api/v1/memoranda/{DraftMemorandum}/parties", ApiJson.Body(new { partner = PartnerA, role = "PartnerOrganisation" })));
        await ExpectAsync(Office().PostAsync($"/api/v1/memoranda/{DraftMemorandum}/parties", ApiJson.Body(new { partner = RemovedParty, role = "PartnerOrganisation" })));
        await ExpectAsync(Office().PostAsync($"/api/v1/memoranda/{DraftMemorandum}/parties/{RemovedParty}/remove", null));
        Add(new Secret(SecretKind.DraftMemorandumText, draftTitle, Parties: [PartnerA]));
        Add(new Secret(SecretKind.DraftMemorandumText, draftPurpose, Parties: [PartnerA]));

        // Feedback from a second observer: one routed to a department and left unpublished, one answered and published.
        Add(new Secret(SecretKind.ObserverId, WangFang.ToString(), OwnerObserver: WangFang));
        var routed = await SubmitFeedbackAsync(WangFang, "The talent apartment application form asks for documents foreigners cannot get.");
        await ExpectAsync(Office().PostAsync($"/api/v1/feedback/{routed}/acknowledge", null));
        await ExpectAsync(Office().PostAsync($"/api/v1/feedback/{routed}/route", ApiJson.Body(new { department = Demo(0x10) })));
        var published = await SubmitFeedbackAsync(WangFang, "Opening hours of the reception room should be posted in English.");
        await ExpectAsync(Office().PostAsync($"/api/v1/feedback/{published}/acknowledge", null));
        await ExpectAsync(Office().PostAsync($"/api/v1/feedback/{published}/route", ApiJson.Body(new { department = Demo(0x11) })));
        await ExpectAsync(Office().PostAsync($"/api/v1/feedback/{published}/answer", ApiJson.Body(new
        {
            answer = new { zh = "已张贴英文开放时间。", en = "English opening hours are now posted." },
        })));
        await ExpectAsync(Office().PostAsync($"/api/v1/feedback/{published}/publish", null));
    }

    private async Task CommitmentWithReportsAsync(Guid owner, string tag)
    {
        var proposed = await Office().PostAsync("/api/v1/commitments", ApiJson.Body(new
        {
            memorandum = DemoMemorandum,
            focusArea = "HighLevelTalentServices",
            owner,
            description = new { zh = $"人才沙龙 {tag}", en = $"Talent salon run by partner {tag}" },
            dueDate = "2027-03-31",
            weight = 1m,
        }));
        var commitment = await CreatedAsync(proposed);
        Commitments.Add(commitment);
        await ExpectAsync(Office().PostAsync($"/api/v1/commitments/{commitment}/accept", null));

        var returnedZh = $"LEAK returned narrative zh {tag} R1{tag}X";
        var returnedEn = $"LEAK returned narrative {tag}: figures still provisional R2{tag}Y";
        var returned = await SubmitReportAsync(owner, commitment, 25m, returnedZh, returnedEn);
        var reasonZh = $"LEAK return reason zh {tag} R3{tag}Z";
        var reasonEn = $"LEAK return reason {tag}: attach the attendance list R4{tag}W";
        await ExpectAsync(Office().PostAsync($"/api/v1/commitments/{commitment}/progress-reports/{returned}/return",
            ApiJson.Body(new { reason = new { zh = reasonZh, en = reasonEn } })));
        var pendingZh = $"LEAK pending narrative zh {tag} P1{tag}Q";
        var pendingEn = $"LEAK pending narrative {tag}: two salons held, third booked P2{tag}V";
        await SubmitReportAsync(owner, commitment, 40m, pendingZh, pendingEn);

        foreach (var narrative in new[] { returnedZh, returnedEn, pendingZh, pendingEn })
        {
            Add(new Secret(SecretKind.ReportNarrative, narrative, OwnerOrganisation: owner));
        }

        Add(new Secret(SecretKind.ReturnReason, reasonZh, OwnerOrganisation: owner));
        Add(new Secret(SecretKind.ReturnReason, reasonEn, OwnerOrganisation: owner));
    }

    private async Task<Guid> SubmitReportAsync(Guid owner, Guid commitment, decimal percent, string zh, string en)
    {
        var response = await _api.Partner(owner).PostAsync($"/api/v1/commitments/{commitment}/progress-reports", ApiJson.Body(new
        {
            percent,
            narrative = new { zh, en },
            asOf = ScenarioObserversAndCases.TodayInShanghai,
        }));
        var report = await CreatedAsync(response);
        Reports.Add(report);
        return report;
    }

    private async Task OpenCaseAsync(Guid referredBy, string name, string email, string phone, string? note)
    {
        var response = await Office().PostAsync("/api/v1/talent-cases", ApiJson.Body(new
        {
            talent = new { person = (Guid?)null, fullName = name, email, phone },
            nationality = "ES",
            category = "ForeignHighEndA",
            service = "WorkPermit",
            referredBy,
        }));
        var id = await CreatedAsync(response);
        lock (_secrets)
        {
            TalentCases.Add(id);
        }

        Add(new Secret(SecretKind.TalentEmail, email));
        Add(new Secret(SecretKind.TalentPhone, phone));
        if (note is not null)
        {
            await AddNoteAsync(id, note);
        }
    }

    private async Task AddNoteAsync(Guid talentCase, string text)
    {
        await ExpectAsync(Office().PostAsync($"/api/v1/talent-cases/{talentCase}/notes", ApiJson.Body(new { text })));
        Add(new Secret(SecretKind.TalentNote, text));
    }

    private async Task<Guid> SubmitFeedbackAsync(Guid observer, string text)
    {
        var response = await _api.Observer(observer).PostAsync("/api/v1/feedback", ApiJson.Body(new
        {
            topic = new { zh = (string?)null, en = "Talent services" },
            policy = (Guid?)null,
            writtenIn = "En",
            text,
        }));
        var id = await CreatedAsync(response);
        lock (_secrets)
        {
            Feedback.Add(id);
        }

        return id;
    }

    private async Task<Guid> RegisterPartnerAsync(string en, string kind)
    {
        var response = await Office().PostAsync("/api/v1/partners", ApiJson.Body(new
        {
            kind,
            name = new { zh = "被移除的协会", en },
            contacts = Array.Empty<object>(),
            externalReference = (string?)null,
        }));
        return await CreatedAsync(response);
    }

    private HttpClient Office() => _api.Office();

    private void Add(Secret secret)
    {
        lock (_secrets)
        {
            _secrets.Add(secret);
        }
    }

    private static async Task<Guid> CreatedAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Scenario step {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return await response.CreatedIdAsync();
    }

    private static async Task ExpectAsync(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Scenario step {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}

/// <summary>
/// The real app over a fresh store, seeded with <see cref="LeakScenario"/> once per test class.
/// <see cref="Replacing"/> replaces services after the app's own (the self-check uses it to drop one visibility rule).
/// </summary>
public class LeakScenarioApp : ApiFactory, IAsyncLifetime
{
    public LeakScenario Scenario { get; private set; } = null!;

    /// <summary>Applied with ConfigureTestServices, before the host is first built.</summary>
    public Action<IServiceCollection>? Replacing { get; init; }

    public async Task InitializeAsync() => Scenario = await LeakScenario.SeedAsync(this);

    Task IAsyncLifetime.DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The matrix reads the OpenAPI document and signs in to the dashboard with the password-less form: both only in
        // Development. The demo is seeded by the scenario itself, not by a first Development run.
        builder.UseEnvironment("Development");
        builder.UseSetting("Demo:SeedOnFirstRun", "false");
        if (Replacing is not null)
        {
            builder.ConfigureTestServices(Replacing);
        }
    }
}
