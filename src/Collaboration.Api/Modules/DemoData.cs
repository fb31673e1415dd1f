using Collaboration.Api.Application;
using Collaboration.Api.Hosting;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.Observers;
using Collaboration.Domain.Partners;
using Collaboration.Domain.Policies;
using Collaboration.Domain.PublicityPoints;
using Collaboration.Domain.TalentCases;
using Collaboration.EventStore;

namespace Collaboration.Api.Modules;

/// <summary>
/// Seeds the Hongkou 2024 Government Open Month scenario (shared/scenario/open-month-2024.txt) through the same
/// deciders and the same executor every request uses, so the demo log is indistinguishable from real use. Ids are
/// fixed (see README) so tokens for a demo partner or observer can be issued before the first run. The story is
/// planned first and then run in the order it happened (May 2024 to today); where the host's clock is a
/// <see cref="ScenarioClock"/> (--demo, Development) it is pinned to each moment, so the log records the story's
/// times and the auditor's "as of" and the completion chart have a past to show.
/// </summary>
public sealed partial class DemoData(StreamExecutor executor, IEventStore store, TimeProvider time, ILogger<DemoData> logger)
{
    private readonly List<PlannedStep> _plan = [];

    public static readonly PartnerId DistrictOffice = Id<PartnerId>(0x00);
    public static readonly PartnerId Sicc = Id<PartnerId>(0x01);
    public static readonly ObserverId Robert = Id<ObserverId>(0xb1);
    public static readonly MemorandumId Memorandum = Id<MemorandumId>(0x40);

    private static readonly Caller Office = new("office.demo", CallerRole.Office, null, null, "Demo office");

    private static readonly (int Key, PartnerKind Kind, string Zh, string En)[] Partners =
    [
        (0x00, PartnerKind.GovernmentDepartment, "虹口区人民政府办公室", "Hongkou District Government Office"),
        (0x01, PartnerKind.ChamberOfCommerce, "上海国际商会", "Shanghai International Chamber of Commerce"),
        (0x02, PartnerKind.ChamberOfCommerce, "虹口区工商业联合会", "Hongkou Federation of Industry and Commerce"),
        (0x03, PartnerKind.IndustryAssociation, "虹口区航运服务业协会", "Hongkou Shipping Services Association"),
        (0x04, PartnerKind.IndustryAssociation, "虹口区金融服务业协会", "Hongkou Financial Services Association"),
        (0x05, PartnerKind.IndustryAssociation, "虹口区软件和信息服务业协会", "Hongkou Software and Information Services Association"),
        (0x06, PartnerKind.IndustrialPark, "瑞虹企业天地", "Ruihong Enterprise World"),
        (0x07, PartnerKind.IndustrialPark, "北外滩国际航运服务园区", "North Bund International Shipping Services Park"),
        (0x08, PartnerKind.IndustrialPark, "虹口科技创新园", "Hongkou Technology Innovation Park"),
        (0x09, PartnerKind.IndustrialPark, "音乐谷文创园区", "Music Valley Creative Park"),
        (0x0a, PartnerKind.ChamberOfCommerce, "虹口区外商投资企业协会", "Hongkou Association of Foreign-Invested Enterprises"),
        (0x10, PartnerKind.GovernmentDepartment, "虹口区就业促进中心", "Hongkou Employment Promotion Center"),
        (0x11, PartnerKind.GovernmentDepartment, "虹口区科技和经济委员会", "Hongkou Technology and Economic Commission"),
        (0x12, PartnerKind.GovernmentDepartment, "虹口区人才工作局", "Hongkou Talent Work Bureau"),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var seeder = ActivatorUtilities.CreateInstance<DemoData>(services);
        await seeder.SeedAsync(cancellationToken);
    }

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await store.ReadStreamRevisionAsync(MemorandumDecider.StreamName(Memorandum), cancellationToken) is not null)
        {
            Skipped(logger);
            return;
        }

        var ct = cancellationToken;
        // Talent cases are dated back from today, read before the clock is pinned to the story.
        var now = time.GetUtcNow();
        // The story's times are recorded only on an empty log: a log's recorded times never go back.
        var backdate = time is ScenarioClock && await store.ReadHeadPositionAsync(ct) == 0;
        var day = new DateTimeOffset(2024, 5, 8, 10, 0, 0, DistrictTime.Offset);

        foreach (var (key, kind, zh, en) in Partners)
        {
            var id = Id<PartnerId>(key);
            var contacts = new List<PartnerContact> { new(new PersonalDetails(Id<PersonId>(0x600 + key), $"Liaison {key:x2}", $"liaison{key:x2}@hongkou.example", null), "Liaison officer / 联络员") };
            Plan<PartnerDecider, PartnerState, IPartnerCommand, IPartnerEvent>(day, id.Value, PartnerDecider.StreamName(id), StreamIntent.Create,
                new RegisterPartner(id, kind, new BilingualText(zh, en), contacts, $"HK-DEMO-{key:x2}", day));
        }

        var policies = new (int Key, PolicyCategory Category, int Department, string TitleZh, string TitleEn)[]
        {
            (0x20, PolicyCategory.EntrepreneurshipSubsidy, 0x10, "虹口区创业补贴实施办法", "Hongkou Entrepreneurship Subsidy Measures"),
            (0x21, PolicyCategory.VocationalTraining, 0x10, "职业技能培训补贴政策", "Vocational Skills Training Subsidy Policy"),
            (0x22, PolicyCategory.TechnologyEnterpriseRecognition, 0x11, "高新技术企业认定奖励", "High-Tech Enterprise Recognition Awards"),
            (0x23, PolicyCategory.Talent, 0x12, "虹口区高层次人才服务十条", "Ten Measures for High-Level Talent Services in Hongkou"),
            (0x24, PolicyCategory.Investment, 0x11, "北外滩外资招商扶持政策", "North Bund Foreign Investment Support Policy"),
        };
        var policySnapshots = new List<PolicySnapshot>();
        foreach (var (key, category, department, zh, en) in policies)
        {
            var id = Id<PolicyId>(key);
            var departmentName = Partners.Single(p => p.Key == department);
            var content = new PolicyContent(
                new BilingualText(zh, en),
                new BilingualText($"{zh}：申请条件、支持标准与办理流程。", $"{en}: eligibility, support levels and how to apply."),
                new BilingualText(departmentName.Zh, departmentName.En),
                category,
                new Uri($"https://www.shhk.gov.cn/policies/{key:x2}"));
            Plan<PolicyDecider, PolicyState, IPolicyCommand, IPolicyEvent>(day, id.Value, PolicyDecider.StreamName(id), StreamIntent.Create,
                new PublishPolicy(id, content, day));
            policySnapshots.Add(new PolicySnapshot(id, 1, IsRetired: false));
        }

        // Recognised at the Open Month event as the city's first foreign-related policy publicity points.
        var recognised = new DateTimeOffset(2024, 5, 10, 15, 30, 0, DistrictTime.Offset);
        var points = new (int Key, string NameZh, string NameEn, string AddressZh, string AddressEn, int[] Policies)[]
        {
            (0x30, "北外滩国际客运服务中心", "North Bund International Passenger Service Center", "虹口区东大名路500号", "500 East Daming Road, Hongkou", [0x23, 0x24]),
            (0x31, "嘉兴路街道安丘社区", "Anqiu Community, Jiaxing Road Subdistrict", "虹口区嘉兴路街道安丘路", "Anqiu Road, Jiaxing Road Subdistrict, Hongkou", [0x20, 0x21, 0x23]),
        };
        foreach (var (key, nameZh, nameEn, addressZh, addressEn, carried) in points)
        {
            var id = Id<PublicityPointId>(key);
            var details = new PublicityPointDetails(
                new BilingualText(nameZh, nameEn),
                new BilingualText(addressZh, addressEn),
                new BilingualText("周一至周五 9:00–17:00", "Mon–Fri 9:00–17:00"),
                [.. carried.Select(Id<PolicyId>)]);
            Plan<PublicityPointDecider, PublicityPointState, IPublicityPointCommand, IPublicityPointEvent>(recognised, id.Value, PublicityPointDecider.StreamName(id), StreamIntent.Create,
                new DesignatePublicityPoint(id, details, DateOnly.FromDateTime(recognised.DateTime), recognised));
        }

        var memorandumStream = MemorandumDecider.StreamName(Memorandum);
        FocusArea[] focus = [FocusArea.HighLevelTalentServices, FocusArea.DomesticInvestmentPromotion, FocusArea.ForeignInvestmentPromotion, FocusArea.ParkIndustrialPolicy];
        Plan<MemorandumDecider, MemorandumState, IMemorandumCommand, IMemorandumEvent>(day, Memorandum.Value, memorandumStream, StreamIntent.Create,
            new DraftMemorandum(Memorandum,
                new BilingualText("虹口区政社合作备忘录（2024）", "Hongkou Government-Society Cooperation Memorandum (2024)"),
                new BilingualText("畅通政策沟通渠道，政社协同促发展：高层次人才服务、内外资招商、园区产业政策落地。",
                    "Smoothing policy communication channels for development: high-level talent services, domestic and foreign investment promotion, and industrial policy in parks."),
                focus, new DateOnly(2024, 5, 10), new DateOnly(2027, 5, 9), day));
        foreach (var (key, kind, zh, en) in Partners.Where(p => p.Key <= 0x0a))
        {
            var role = key == 0x00 ? PartyRole.DistrictOffice : PartyRole.PartnerOrganisation;
            Plan<MemorandumDecider, MemorandumState, IMemorandumCommand, IMemorandumEvent>(day, Memorandum.Value, memorandumStream, StreamIntent.Update,
                new AddMemorandumParty(Memorandum, new PartnerSummary(Id<PartnerId>(key), kind, new BilingualText(zh, en), true), role, day));
        }

        var signing = new DateTimeOffset(2024, 5, 10, 15, 0, 0, DistrictTime.Offset);
        var signatories = Partners.Where(p => p.Key <= 0x0a)
            .Select(p => new PartySignatory(Id<PartnerId>(p.Key), p.Key == 0 ? "Director Zhou" : $"Representative {p.Key:x2}", new BilingualText(p.Key == 0 ? "主任" : "代表", p.Key == 0 ? "Director" : "Representative")))
            .ToList();
        Plan<MemorandumDecider, MemorandumState, IMemorandumCommand, IMemorandumEvent>(signing, Memorandum.Value, memorandumStream, StreamIntent.Update,
            new SignMemorandum(Memorandum, signatories, DateOnly.FromDateTime(signing.DateTime), new BilingualText("瑞虹企业天地", "Ruihong Enterprise World"), signing));

        for (var key = 0x01; key <= 0x0a; key++)
        {
            var package = Id<PackageId>(0x50 + key);
            Plan<MemorandumDecider, MemorandumState, IMemorandumCommand, IMemorandumEvent>(signing, Memorandum.Value, memorandumStream, StreamIntent.Update,
                new DeliverPolicyPackage(Memorandum, package, Id<PartnerId>(key), policySnapshots, DateOnly.FromDateTime(signing.DateTime), signing));
            if (key % 3 != 0)
            {
                var partner = Id<PartnerId>(key);
                Plan<MemorandumDecider, MemorandumState, IMemorandumCommand, IMemorandumEvent>(signing.AddDays(3), Memorandum.Value, memorandumStream, StreamIntent.Update,
                    new AcknowledgePolicyPackage(Memorandum, package, Actor.Partner($"liaison{key:x2}", partner), signing.AddDays(3)));
            }
        }

        // Signed in public during the Open Month: the office puts it on the portal (/open) the day after.
        Plan<MemorandumDecider, MemorandumState, IMemorandumCommand, IMemorandumEvent>(signing.AddDays(1), Memorandum.Value, memorandumStream, StreamIntent.Update,
            new PublishMemorandum(Memorandum, signing.AddDays(1)));

        PlanCommitments(signing, now);
        PlanTalentCases(now);
        PlanObserversAndFeedback();
        await RunPlanAsync(backdate ? (ScenarioClock)time : null, ct);
        Seeded(logger, await store.ReadHeadPositionAsync(ct));
    }

    private void PlanCommitments(DateTimeOffset signing, DateTimeOffset now)
    {
        var snapshot = new MemorandumSnapshot(Memorandum, MemorandumStatus.Active,
            Partners.Where(p => p.Key <= 0x0a).Select(p => Id<PartnerId>(p.Key)).ToList(),
            [FocusArea.HighLevelTalentServices, FocusArea.DomesticInvestmentPromotion, FocusArea.ForeignInvestmentPromotion, FocusArea.ParkIndustrialPolicy],
            new DateOnly(2024, 5, 10), new DateOnly(2027, 5, 9));
        var office = Actor.Office("office.demo");
        var plans = new (int Owner, FocusArea Area, string Zh, string En, DateOnly Due, decimal Weight, decimal Progress, int MilestonesDone)[]
        {
            (0x01, FocusArea.ForeignInvestmentPromotion, "每季度举办外资企业政策宣讲会", "Hold a quarterly policy briefing for foreign-invested enterprises", new(2026, 12, 31), 3m, 70m, 2),
            (0x02, FocusArea.DomesticInvestmentPromotion, "组织会员企业对接虹口招商资源", "Match member enterprises with Hongkou investment resources", new(2025, 12, 31), 2m, 100m, 3),
            (0x03, FocusArea.ParkIndustrialPolicy, "推动航运服务业政策在北外滩落地", "Implement shipping-services policies in the North Bund", new(2026, 6, 30), 2m, 40m, 1),
            (0x04, FocusArea.DomesticInvestmentPromotion, "引荐金融机构落户虹口", "Refer financial institutions to locate in Hongkou", new(2027, 3, 31), 1.5m, 20m, 0),
            (0x05, FocusArea.HighLevelTalentServices, "为软件企业高层次人才提供政策咨询", "Advise software firms' high-level talent on policies", new(2026, 12, 15), 1m, 55m, 1),
            (0x06, FocusArea.ParkIndustrialPolicy, "在瑞虹企业天地设立政策服务站", "Open a policy service desk at Ruihong Enterprise World", new(2025, 3, 31), 1m, 100m, 2),
            (0x07, FocusArea.HighLevelTalentServices, "外籍人才一站式服务对接", "One-stop service liaison for foreign talent", new(2027, 4, 30), 2m, 10m, 0),
            (0x08, FocusArea.ParkIndustrialPolicy, "落实科技企业认定辅导", "Coach park firms through technology-enterprise recognition", new(2026, 10, 31), 1.5m, 60m, 1),
            (0x0a, FocusArea.ForeignInvestmentPromotion, "编写外资企业英文政策指引", "Publish an English policy guide for foreign-invested enterprises", new(2026, 9, 30), 1m, 90m, 2),
        };
        for (var i = 0; i < plans.Length; i++)
        {
            var plan = plans[i];
            var id = Id<CommitmentId>(0x60 + i);
            var stream = CommitmentDecider.StreamName(id);
            var at = signing.AddDays(7 + i);
            var owner = Id<PartnerId>(plan.Owner);
            Plan<CommitmentDecider, CommitmentState, ICommitmentCommand, ICommitmentEvent>(at, id.Value, stream, StreamIntent.Create,
                new ProposeCommitment(id, snapshot, plan.Area, owner, new BilingualText(plan.Zh, plan.En), plan.Due, plan.Weight, office, at));
            Plan<CommitmentDecider, CommitmentState, ICommitmentCommand, ICommitmentEvent>(at.AddDays(1), id.Value, stream, StreamIntent.Update,
                new AcceptCommitment(id, snapshot, office, at.AddDays(1)));
            var milestoneCount = Math.Max(plan.MilestonesDone, 3);
            var termDays = plan.Due.DayNumber - DateOnly.FromDateTime(at.DateTime).DayNumber;
            for (var m = 0; m < milestoneCount; m++)
            {
                var milestone = Id<MilestoneId>(0x100 + (i * 0x10) + m);
                var due = DateOnly.FromDateTime(at.DateTime).AddDays(termDays * (m + 1) / milestoneCount);
                Plan<CommitmentDecider, CommitmentState, ICommitmentCommand, ICommitmentEvent>(at.AddDays(2), id.Value, stream, StreamIntent.Update,
                    new AddMilestone(id, milestone, new BilingualText($"阶段 {m + 1}", $"Stage {m + 1}"), due, Math.Round(100m / milestoneCount, 2) - 0.01m, snapshot, office, at.AddDays(2)));
                if (m < plan.MilestonesDone)
                {
                    // A milestone is done a few days before it falls due (or yesterday, if that is still to come).
                    var doneAt = Earlier(new DateTimeOffset(due.AddDays(-3).ToDateTime(new TimeOnly(17, 0)), DistrictTime.Offset), now.AddDays(-1));
                    Plan<CommitmentDecider, CommitmentState, ICommitmentCommand, ICommitmentEvent>(doneAt, id.Value, stream, StreamIntent.Update,
                        new CompleteMilestone(id, milestone, snapshot, office, doneAt));
                }
            }

            // The owner reports every quarter, the figures climbing to today's; the office approves each within two days.
            var partnerActor = Actor.Partner($"liaison{plan.Owner:x2}", owner);
            var finalAt = Earlier(new DateTimeOffset(plan.Due.AddDays(-7).ToDateTime(new TimeOnly(10, 0)), DistrictTime.Offset), now.AddDays(-10));
            var quarters = new List<DateTimeOffset>();
            for (var q = at.AddDays(91); q < finalAt.AddDays(-30); q = q.AddDays(91))
            {
                quarters.Add(q);
            }

            var finalPercent = Math.Min(plan.Progress, 99m);
            for (var k = 0; k <= quarters.Count; k++)
            {
                var last = k == quarters.Count;
                var reportAt = last ? finalAt : quarters[k];
                var report = last ? Id<ProgressReportId>(0x200 + i) : Id<ProgressReportId>(0x1000 + (i * 0x40) + k);
                var percent = last ? finalPercent : Math.Round(finalPercent * (k + 1) / (quarters.Count + 1));
                Plan<CommitmentDecider, CommitmentState, ICommitmentCommand, ICommitmentEvent>(reportAt, id.Value, stream, StreamIntent.Update,
                    new SubmitProgressReport(id, report, percent, new BilingualText("按计划推进。", "Progressing as planned."), DateOnly.FromDateTime(reportAt.DateTime), snapshot, partnerActor, reportAt));
                if (!last || i != 4)
                {
                    // One latest report is left waiting for review, so the office has something to approve in the demo.
                    Plan<CommitmentDecider, CommitmentState, ICommitmentCommand, ICommitmentEvent>(reportAt.AddDays(2), id.Value, stream, StreamIntent.Update,
                        new ApproveProgressReport(id, report, snapshot, office, reportAt.AddDays(2)));
                }
            }

            if (plan.Progress >= 100m && plan.MilestonesDone >= milestoneCount)
            {
                // After the last milestone (done three days before the due date) and the final report's approval.
                var completedAt = finalAt.AddDays(5);
                Plan<CommitmentDecider, CommitmentState, ICommitmentCommand, ICommitmentEvent>(completedAt, id.Value, stream, StreamIntent.Update,
                    new CompleteCommitment(id, snapshot, office, completedAt));
            }
        }
    }

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private void PlanTalentCases(DateTimeOffset now)
    {
        var office = Actor.Office("office.demo");
        var cases = new (string Name, string Nationality, TalentCategory Category, TalentService Service, int? Referrer, int DaysAgo, int State)[]
        {
            ("Anna Schmidt", "DE", TalentCategory.ForeignHighEndA, TalentService.WorkPermit, 0x01, 3, 0),
            ("Kenji Sato", "JP", TalentCategory.ForeignProfessionalB, TalentService.ResidencePermit, 0x0a, 12, 1),
            ("Maria Rossi", "IT", TalentCategory.ForeignHighEndA, TalentService.ChildrenSchooling, 0x06, 30, 2),
            ("李明", "CN", TalentCategory.ReturnedOverseas, TalentService.Housing, null, 8, 1),
            ("David Miller", "US", TalentCategory.ForeignProfessionalB, TalentService.MedicalCare, 0x01, 2, 0),
            ("Ioana Popescu", "RO", TalentCategory.ForeignProfessionalB, TalentService.BusinessRegistration, 0x07, 20, 3),
        };
        for (var i = 0; i < cases.Length; i++)
        {
            var c = cases[i];
            var id = Id<TalentCaseId>(0x300 + i);
            var stream = TalentCaseDecider.StreamName(id);
            var opened = now.AddDays(-c.DaysAgo);
            var person = new PersonalDetails(Id<PersonId>(0x400 + i), c.Name, $"talent{i}@mail.example", null);
            Plan<TalentCaseDecider, TalentCaseState, ITalentCaseCommand, ITalentCaseEvent>(opened, id.Value, stream, StreamIntent.Create,
                new OpenTalentCase(id, person, c.Nationality, c.Category, c.Service, c.Referrer is { } r ? Id<PartnerId>(r) : null, office, opened));
            if (c.State >= 1)
            {
                Plan<TalentCaseDecider, TalentCaseState, ITalentCaseCommand, ITalentCaseEvent>(opened.AddHours(4), id.Value, stream, StreamIntent.Update,
                    new AssignTalentCase(id, "Hongkou Talent Work Bureau / 虹口区人才工作局", "Officer Chen", office, opened.AddHours(4)));
            }

            if (c.State == 2)
            {
                Plan<TalentCaseDecider, TalentCaseState, ITalentCaseCommand, ITalentCaseEvent>(opened.AddDays(12), id.Value, stream, StreamIntent.Update,
                    new ResolveTalentCase(id, new BilingualText("已为子女办理入学。", "School place arranged for the children."), office, opened.AddDays(12)));
            }

            if (c.State == 3)
            {
                Plan<TalentCaseDecider, TalentCaseState, ITalentCaseCommand, ITalentCaseEvent>(opened.AddDays(2), id.Value, stream, StreamIntent.Update,
                    new RequestTalentInformation(id, new BilingualText("请补充公司章程。", "Please provide the articles of association."), office, opened.AddDays(2)));
            }
        }
    }

    private void PlanObserversAndFeedback()
    {
        var office = Actor.Office("office.demo");
        var appointed = new DateTimeOffset(2024, 5, 10, 16, 0, 0, DistrictTime.Offset);
        var observers = new (int Key, string Name, string Nationality, ObserverRole[] Roles)[]
        {
            (0xb1, "Robert", "RO", [ObserverRole.PublicObserver, ObserverRole.ForeignExperienceOfficer]),
            (0xb2, "王芳", "CN", [ObserverRole.PublicObserver]),
            (0xb3, "张伟", "CN", [ObserverRole.PublicObserver]),
        };
        foreach (var (key, name, nationality, roles) in observers)
        {
            var id = Id<ObserverId>(key);
            Plan<ObserverDecider, ObserverState, IObserverCommand, IObserverEvent>(appointed, id.Value, ObserverDecider.StreamName(id), StreamIntent.Create,
                new AppointObserver(id, 2, new PersonalDetails(Id<PersonId>(0x500 + key), name, $"observer{key:x2}@mail.example", null), nationality, roles,
                    new DateOnly(2024, 5, 10), new DateOnly(2027, 5, 9), office, appointed));
        }

        var robertSnapshot = new ObserverSnapshot(Robert, new DateOnly(2024, 5, 10), new DateOnly(2027, 5, 9), null);
        var talentBureau = new DepartmentSnapshot(Id<PartnerId>(0x12), new BilingualText("虹口区人才工作局", "Hongkou Talent Work Bureau"), true);
        var items = new (int Key, string Topic, int? Policy, string Text, int Stage)[]
        {
            (0xc1, "English guidance for work permits", 0x23, "The work-permit guide exists only in Chinese; foreign applicants need an English version with the document checklist.", 3),
            (0xc2, "Bilingual signage at the reception room", null, "The Bilingual Government Open Reception Room is excellent, but the way there from the metro has no English signs.", 2),
            (0xc3, "Entrepreneurship subsidy for foreign founders", 0x20, "Can foreign founders registered in Hongkou apply for the entrepreneurship subsidy? The policy text does not say.", 0),
        };
        foreach (var (key, topic, policy, text, stage) in items)
        {
            var id = Id<FeedbackId>(key);
            var stream = FeedbackDecider.StreamName(id);
            var at = new DateTimeOffset(2024, 6, 3 + key - 0xc1, 9, 30, 0, DistrictTime.Offset);
            Plan<FeedbackDecider, FeedbackState, IFeedbackCommand, IFeedbackEvent>(at, id.Value, stream, StreamIntent.Create,
                new SubmitFeedback(id, robertSnapshot, new BilingualText(null, topic), policy is { } p ? Id<PolicyId>(p) : null, Language.En, text, ObserverActors.For(Robert), at));
            if (stage >= 1)
            {
                Plan<FeedbackDecider, FeedbackState, IFeedbackCommand, IFeedbackEvent>(at.AddHours(3), id.Value, stream, StreamIntent.Update, new AcknowledgeFeedback(id, office, at.AddHours(3)));
                Plan<FeedbackDecider, FeedbackState, IFeedbackCommand, IFeedbackEvent>(at.AddDays(1), id.Value, stream, StreamIntent.Update, new RouteFeedback(id, talentBureau, office, at.AddDays(1)));
            }

            if (stage >= 2)
            {
                Plan<FeedbackDecider, FeedbackState, IFeedbackCommand, IFeedbackEvent>(at.AddDays(6), id.Value, stream, StreamIntent.Update,
                    new AnswerFeedback(id, new BilingualText("我们已安排制作英文版指引并将在接待室公布。", "An English version is being prepared and will be posted in the reception room."), office, at.AddDays(6)));
            }

            if (stage >= 3)
            {
                Plan<FeedbackDecider, FeedbackState, IFeedbackCommand, IFeedbackEvent>(at.AddDays(7), id.Value, stream, StreamIntent.Update, new RateFeedbackAnswer(id, 5, ObserverActors.For(Robert), at.AddDays(7)));
                Plan<FeedbackDecider, FeedbackState, IFeedbackCommand, IFeedbackEvent>(at.AddDays(8), id.Value, stream, StreamIntent.Update, new PublishFeedback(id, office, at.AddDays(8)));
            }
        }
    }

    /// <summary>Adds a command to the story at its business moment; nothing runs until <see cref="RunPlanAsync"/>.</summary>
    private void Plan<TDecider, TState, TCommand, TEvent>(DateTimeOffset at, Guid id, string stream, StreamIntent intent, TCommand command)
        where TDecider : IDecider<TState, TCommand, TEvent>
        where TState : notnull
        where TEvent : notnull =>
        _plan.Add(new PlannedStep(at, $"{command!.GetType().Name} on {stream}", async ct =>
        {
            var outcome = await executor.ExecuteAsync<TDecider, TState, TCommand, TEvent>(id, stream, intent, _ => command, Office, WriteOptions.None, ct);
            if (outcome is not CommandOutcome.Accepted)
            {
                throw new InvalidOperationException($"Demo seeding stopped at {command.GetType().Name} on {stream}: {outcome}");
            }
        }));

    /// <summary>
    /// Runs the story in the order it happened (a stable sort keeps each stream's commands in the order planned), with
    /// the clock pinned to each moment when there is one to pin, so the log's recorded times are the story's.
    /// </summary>
    private async Task RunPlanAsync(ScenarioClock? scenarioClock, CancellationToken ct)
    {
        try
        {
            foreach (var step in _plan.OrderBy(s => s.At))
            {
                scenarioClock?.Pin(step.At);
                await step.Run(ct);
            }
        }
        finally
        {
            scenarioClock?.Release();
            _plan.Clear();
        }
    }

    private sealed record PlannedStep(DateTimeOffset At, string What, Func<CancellationToken, Task> Run);

    /// <summary>Demo ids share one readable prefix: 0193a000-0000-7000-8000-0000000000XX.</summary>
    private static TId Id<TId>(int key)
        where TId : struct, IGuidId<TId> =>
        TId.From(Guid.Parse($"0193a000-0000-7000-8000-{key:x12}"));

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data already present; nothing seeded")]
    private static partial void Skipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo scenario seeded; the log head is at position {Head}")]
    private static partial void Seeded(ILogger logger, long head);
}
