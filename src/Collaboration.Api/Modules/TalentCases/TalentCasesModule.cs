using Collaboration.Api.Application;
using Collaboration.Api.Http;
using Collaboration.Api.Visibility;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Visibility;
using Mediator;

namespace Collaboration.Api.Modules.TalentCases;

/// <summary>Talent-service cases: open, work on, close, reopen, read with today's deadline facts.</summary>
public static class TalentCasesModule
{
    public static IServiceCollection AddTalentCases(this IServiceCollection services) =>
        services
            .AddSingleton<IValidator<OpenTalentCaseRequest>, OpenTalentCaseValidator>()
            .AddSingleton<IValidator<AssignTalentCaseRequest>, AssignTalentCaseValidator>()
            .AddSingleton<IValidator<RequestTalentInformationRequest>, RequestTalentInformationValidator>()
            .AddSingleton<IValidator<ExtendTalentCaseDeadlineRequest>, ExtendTalentCaseDeadlineValidator>()
            .AddSingleton<IValidator<EscalateTalentCaseRequest>, EscalateTalentCaseValidator>()
            .AddSingleton<IValidator<ResolveTalentCaseRequest>, ResolveTalentCaseValidator>()
            .AddSingleton<IValidator<RejectTalentCaseRequest>, RejectTalentCaseValidator>()
            .AddSingleton<IValidator<ReopenTalentCaseRequest>, ReopenTalentCaseValidator>()
            .AddSingleton<IAccessRule<GetTalentCaseRequest>, GetTalentCaseAccess>();

    public static void MapTalentCases(this IEndpointRouteBuilder api)
    {
        var cases = api.MapGroup("/talent-cases").WithTags("TalentCases");

        cases.MapPost("/", (OpenTalentCaseBody body, HttpContext http, IMediator mediator) =>
                Dispatch.CreateAsync(http, mediator, (caller, options) =>
                    new OpenTalentCaseRequest(caller, options, TalentCaseId.From(HttpWrite.NewAggregateId(caller, options)), body),
                    id => $"/api/v1/talent-cases/{id}"))
            .For<OpenTalentCaseRequest>()
            .WithName("OpenTalentCase")
            .WithSummary("Open a talent-service case · 受理人才服务事项");

        cases.MapGet("/{id:guid}", (Guid id, HttpContext http, IMediator mediator) =>
                Dispatch.ReadAsync(http, mediator, caller => new GetTalentCaseRequest(caller, TalentCaseId.From(id))))
            .For<GetTalentCaseRequest>()
            .ShowsItems(ItemKind.TalentCase)
            .WithName("GetTalentCase")
            .WithSummary("Read a talent-service case with today's deadline · 查看人才服务事项及办理时限");

        cases.MapPost("/{id:guid}/assign", (Guid id, AssignTalentCaseBody body, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new AssignTalentCaseRequest(caller, options, TalentCaseId.From(id), body)))
            .For<AssignTalentCaseRequest>()
            .WithName("AssignTalentCase")
            .WithSummary("Assign a case to a department and officer · 分派承办部门和承办人");

        cases.MapPost("/{id:guid}/notes", (Guid id, AddTalentCaseNoteBody body, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new AddTalentCaseNoteRequest(caller, options, TalentCaseId.From(id), body)))
            .For<AddTalentCaseNoteRequest>()
            .WithName("AddTalentCaseNote")
            .WithSummary("Add a note to a case · 添加办理备注");

        cases.MapPost("/{id:guid}/request-information", (Guid id, RequestTalentInformationBody body, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new RequestTalentInformationRequest(caller, options, TalentCaseId.From(id), body)))
            .For<RequestTalentInformationRequest>()
            .WithName("RequestTalentInformation")
            .WithSummary("Ask the applicant for information (clock pauses) · 要求补正材料（计时中止）");

        cases.MapPost("/{id:guid}/information-received", (Guid id, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new RecordTalentInformationReceivedRequest(caller, options, TalentCaseId.From(id))))
            .For<RecordTalentInformationReceivedRequest>()
            .WithName("RecordTalentInformationReceived")
            .WithSummary("Record the requested information as received · 登记补正材料已收到");

        cases.MapPost("/{id:guid}/extend-deadline", (Guid id, ExtendTalentCaseDeadlineBody body, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new ExtendTalentCaseDeadlineRequest(caller, options, TalentCaseId.From(id), body)))
            .For<ExtendTalentCaseDeadlineRequest>()
            .WithName("ExtendTalentCaseDeadline")
            .WithSummary("Extend the deadline once · 延期办理（限一次）");

        cases.MapPost("/{id:guid}/escalate", (Guid id, EscalateTalentCaseBody body, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new EscalateTalentCaseRequest(caller, options, TalentCaseId.From(id), body)))
            .For<EscalateTalentCaseRequest>()
            .WithName("EscalateTalentCase")
            .WithSummary("Escalate a case · 升级督办");

        cases.MapPost("/{id:guid}/resolve", (Guid id, ResolveTalentCaseBody body, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new ResolveTalentCaseRequest(caller, options, TalentCaseId.From(id), body)))
            .For<ResolveTalentCaseRequest>()
            .WithName("ResolveTalentCase")
            .WithSummary("Resolve a case · 办结");

        cases.MapPost("/{id:guid}/reject", (Guid id, RejectTalentCaseBody body, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new RejectTalentCaseRequest(caller, options, TalentCaseId.From(id), body)))
            .For<RejectTalentCaseRequest>()
            .WithName("RejectTalentCase")
            .WithSummary("Reject a case · 退回 / 不予受理");

        cases.MapPost("/{id:guid}/reopen", (Guid id, ReopenTalentCaseBody body, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new ReopenTalentCaseRequest(caller, options, TalentCaseId.From(id), body)))
            .For<ReopenTalentCaseRequest>()
            .WithName("ReopenTalentCase")
            .WithSummary("Reopen a closed case within 30 days · 重新启用（30日内）");

        cases.MapPost("/{id:guid}/satisfaction", (Guid id, RecordTalentSatisfactionBody body, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new RecordTalentSatisfactionRequest(caller, options, TalentCaseId.From(id), body)))
            .For<RecordTalentSatisfactionRequest>()
            .WithName("RecordTalentSatisfaction")
            .WithSummary("Record the talent's satisfaction · 登记满意度评价");
    }
}
