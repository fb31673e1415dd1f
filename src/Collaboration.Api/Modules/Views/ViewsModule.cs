using Collaboration.Api.Application;
using Collaboration.Api.Http;
using Collaboration.Api.Modules.Views.Paging;
using Collaboration.Api.Visibility;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Visibility;
using Mediator;

namespace Collaboration.Api.Modules.Views;

/// <summary>
/// List and dashboard endpoints over the read models. Each is scoped by the caller through the documents' own
/// scope, exactly like the hub: a partner sees its organisation's share, an observer its own items and public ones.
/// Lists may trail a just-accepted write by the projection lag (see /health/ready).
/// </summary>
public static class ViewsModule
{
    public static IServiceCollection AddViews(this IServiceCollection services) =>
        services.AddSingleton<IAccessRule<GetPartnerPortfolioRequest>, GetPartnerPortfolioAccess>()
            .AddSingleton<RecentOverviews>()
            .AddSingleton<DistrictCompletions>()
            .AddSingleton<MemorandumProgressReports>();

    public static void MapViews(this IEndpointRouteBuilder api)
    {
        var views = api.MapGroup("/").WithTags("Views");

        views.MapGet("/partners", (string? kind, int? limit, string? after, string? sort, HttpContext http, IMediator mediator) =>
                Dispatch.ReadPageAsync(http, mediator, caller => new ListPartnersRequest(caller, new PartnerFilter(kind), new PageRequest(limit, after, sort))))
            .For<ListPartnersRequest>().ShowsItems(ItemKind.PartnerDirectory).WithName("ListPartners").Pages(ListPartnersHandler.Sorts)
            .WithSummary("List partner organisations · 合作单位列表");

        views.MapGet("/policies", (string? category, int? limit, string? after, string? sort, HttpContext http, IMediator mediator) =>
                Dispatch.ReadPageAsync(http, mediator, caller => new ListPoliciesRequest(caller, new PolicyFilter(category), new PageRequest(limit, after, sort))))
            .For<ListPoliciesRequest>().ShowsItems(ItemKind.Policy).WithName("ListPolicies").Pages(ListPoliciesHandler.Sorts)
            .WithSummary("List policies · 政策列表");

        views.MapGet("/memoranda", (string? status, int? limit, string? after, string? sort, HttpContext http, IMediator mediator) =>
                Dispatch.ReadPageAsync(http, mediator, caller => new ListMemorandaRequest(caller, new MemorandumFilter(status), new PageRequest(limit, after, sort))))
            .For<ListMemorandaRequest>().ShowsItems(ItemKind.Memorandum).WithName("ListMemoranda").Pages(ListMemorandaHandler.Sorts)
            .WithSummary("List memoranda · 合作备忘录列表");

        views.MapGet("/memoranda/{id:guid}/progress", (Guid id, HttpContext http, IMediator mediator) =>
                Dispatch.ReadAsync(http, mediator, caller => new GetMemorandumProgressRequest(caller, MemorandumId.From(id))))
            .For<GetMemorandumProgressRequest>().ShowsItems(ItemKind.Memorandum).WithName("GetMemorandumProgress")
            .WithSummary("Progress of a memorandum today · 备忘录履约进度");

        views.MapGet("/memoranda/{id:guid}/commitments", (Guid id, Guid? partner, string? focusArea, string? status, int? limit, string? after, string? sort, HttpContext http, IMediator mediator) =>
                Dispatch.ReadPageAsync(http, mediator, caller => new ListMemorandumCommitmentsRequest(caller, MemorandumId.From(id), new MemorandumCommitmentFilter(partner, focusArea, status), new PageRequest(limit, after, sort))))
            .For<ListMemorandumCommitmentsRequest>().ShowsItems(ItemKind.Memorandum).WithName("ListMemorandumCommitments").Pages(ListMemorandumCommitmentsHandler.Sorts)
            .WithSummary("Every commitment under a memorandum, as its progress shows them · 备忘录下全部承诺事项")
            .WithDescription("For whoever may see the memorandum's progress (its parties, the office, auditors): the progress lists the first " +
                "100 due first and links here. `status` is judged on today's date. 备忘录各方可查看全部承诺事项的进度。");

        views.MapGet("/commitments", (Guid? partner, string? focusArea, string? status, bool? overdue, Guid? memorandum, int? limit, string? after, string? sort, HttpContext http, IMediator mediator) =>
                Dispatch.ReadPageAsync(http, mediator, caller => new ListCommitmentsRequest(caller, new CommitmentFilter(partner, focusArea, status, overdue, memorandum), new PageRequest(limit, after, sort))))
            .For<ListCommitmentsRequest>().ShowsItems(ItemKind.Commitment).WithName("ListCommitments").Pages(ListCommitmentsHandler.Sorts)
            .WithSummary("List commitments with today's status · 承诺事项列表");

        views.MapGet("/talent-cases", (string? status, string? department, string? officer, Guid? partner, int? limit, string? after, string? sort, HttpContext http, IMediator mediator) =>
                Dispatch.ReadPageAsync(http, mediator, caller => new ListTalentCasesRequest(caller, new TalentCaseFilter(status, department, officer, partner), new PageRequest(limit, after, sort))))
            .For<ListTalentCasesRequest>().ShowsItems(ItemKind.TalentCase).WithName("ListTalentCases").Pages(ListTalentCasesHandler.Sorts)
            .WithSummary("Talent-case queue with working-day deadlines · 人才服务事项队列");

        views.MapGet("/observers", (int? limit, string? after, string? sort, HttpContext http, IMediator mediator) =>
                Dispatch.ReadPageAsync(http, mediator, caller => new ListObserversRequest(caller, new PageRequest(limit, after, sort))))
            .For<ListObserversRequest>().ShowsItems(ItemKind.Observer).WithName("ListObservers").Pages(ListObserversHandler.Sorts)
            .WithSummary("List public observers · 政务公开观察员列表");

        views.MapGet("/feedback", (string? stage, Guid? policy, int? limit, string? after, string? sort, HttpContext http, IMediator mediator) =>
                Dispatch.ReadPageAsync(http, mediator, caller => new ListFeedbackRequest(caller, new FeedbackFilter(stage, policy), new PageRequest(limit, after, sort))))
            .For<ListFeedbackRequest>().ShowsItems(ItemKind.Feedback).WithName("ListFeedback").Pages(ListFeedbackHandler.Sorts)
            .WithSummary("Feedback board · 意见建议看板");

        views.MapGet("/partners/{id:guid}/portfolio", (Guid id, HttpContext http, IMediator mediator) =>
                Dispatch.ReadAsync(http, mediator, caller => new GetPartnerPortfolioRequest(caller, PartnerId.From(id))))
            .For<GetPartnerPortfolioRequest>().ShowsItems(ItemKind.Partner).WithName("GetPartnerPortfolio")
            .WithSummary("Everything a partner is party to or owns · 合作单位事项总览");

        views.MapGet("/overview", (HttpContext http, IMediator mediator) =>
                Dispatch.ReadAsync(http, mediator, caller => new GetOverviewRequest(caller)))
            .For<GetOverviewRequest>().ShowsItems(ItemKind.DistrictOverview).WithName("GetOverview")
            .WithSummary("District overview KPIs · 区级总览指标")
            .WithDescription("Counted by the store through the caller's visibility, never by reading whole views. `averageAnswerWorkingDays` " +
                "is the mean over the latest 200 answers (by answer date); every other figure covers the whole district. " +
                "按可见范围计数；平均答复工作日取最近 200 条答复。");

        views.MapGet("/activity", (int? limit, HttpContext http, IMediator mediator) =>
                Dispatch.ReadAsync(http, mediator, caller => new ListActivityRequest(caller, limit)))
            .For<ListActivityRequest>().ShowsItems(null, "each entry scoped like its item").WithName("ListActivity")
            .WithSummary("Recent activity · 最新动态");
    }
}
