using Collaboration.Api.Application;
using Collaboration.Api.Http;
using Collaboration.Api.Visibility;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Visibility;
using Mediator;

namespace Collaboration.Api.Modules.Commitments;

/// <summary>
/// Commitments under signed memoranda: propose, accept, plan and complete milestones, report and review progress,
/// complete, cancel, read. Nested items (milestones, reports) are created with 201 whose receipt carries the new item's
/// id and whose Location is the commitment that holds it (items have no resource of their own).
/// </summary>
public static class CommitmentsModule
{
    public static IServiceCollection AddCommitments(this IServiceCollection services)
    {
        services
            .AddSingleton<CommitmentStreams>()
            .AddSingleton<OwnedCommitmentAccess>()
            .AddSingleton<IValidator<ProposeCommitmentRequest>, ProposeCommitmentValidator>()
            .AddSingleton<IValidator<AddMilestoneRequest>, AddMilestoneValidator>()
            .AddSingleton<IValidator<RescheduleMilestoneRequest>, RescheduleMilestoneValidator>()
            .AddSingleton<IValidator<SubmitProgressReportRequest>, SubmitProgressReportValidator>()
            .AddSingleton<IValidator<ReturnProgressReportRequest>, ReturnProgressReportValidator>()
            .AddSingleton<IValidator<CancelCommitmentRequest>, CancelCommitmentValidator>()
            .AddSingleton<IAccessRule<ProposeCommitmentRequest>, ProposeCommitmentAccess>()
            .AddSingleton<IAccessRule<GetCommitmentRequest>, GetCommitmentAccess>();

        // Office-only requests are scoped too: one rule for every write on an existing commitment costs nothing for the
        // office and keeps the partner rule from being forgotten if a role list is widened later.
        AddOwnedAccess<AcceptCommitmentRequest>(services);
        AddOwnedAccess<AddMilestoneRequest>(services);
        AddOwnedAccess<RescheduleMilestoneRequest>(services);
        AddOwnedAccess<CompleteMilestoneRequest>(services);
        AddOwnedAccess<SubmitProgressReportRequest>(services);
        AddOwnedAccess<ApproveProgressReportRequest>(services);
        AddOwnedAccess<ReturnProgressReportRequest>(services);
        AddOwnedAccess<CompleteCommitmentRequest>(services);
        AddOwnedAccess<CancelCommitmentRequest>(services);
        return services;
    }

    public static void MapCommitments(this IEndpointRouteBuilder api)
    {
        var commitments = api.MapGroup("/commitments").WithTags("Commitments");

        commitments.MapPost("/", (ProposeCommitmentBody body, HttpContext http, IMediator mediator) =>
                Dispatch.CreateAsync(http, mediator, (caller, options) =>
                    new ProposeCommitmentRequest(caller, options, CommitmentId.From(HttpWrite.NewAggregateId(caller, options)), body),
                    id => $"/api/v1/commitments/{id}"))
            .For<ProposeCommitmentRequest>()
            .WithName("ProposeCommitment")
            .WithSummary("Propose a commitment under a memorandum · 提出承诺事项");

        commitments.MapGet("/{id:guid}", (Guid id, HttpContext http, IMediator mediator) =>
                Dispatch.ReadAsync(http, mediator, caller => new GetCommitmentRequest(caller, CommitmentId.From(id))))
            .For<GetCommitmentRequest>()
            .ShowsItems(ItemKind.Commitment)
            .WithName("GetCommitment")
            .WithSummary("Read a commitment with its status today · 查看承诺事项及当前状态");

        commitments.MapPost("/{id:guid}/accept", (Guid id, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new AcceptCommitmentRequest(caller, options, CommitmentId.From(id))))
            .For<AcceptCommitmentRequest>()
            .WithName("AcceptCommitment")
            .WithSummary("Accept a proposed commitment · 接受承诺事项");

        commitments.MapPost("/{id:guid}/milestones", (Guid id, AddMilestoneBody body, HttpContext http, IMediator mediator) =>
                Dispatch.CreateAsync(http, mediator, (caller, options) =>
                    new AddMilestoneRequest(caller, options, CommitmentId.From(id), MilestoneId.From(HttpWrite.NewAggregateId(caller, options)), body),
                    _ => $"/api/v1/commitments/{id}"))
            .For<AddMilestoneRequest>()
            .WithName("AddMilestone")
            .WithSummary("Add a milestone · 添加里程碑");

        commitments.MapPost("/{id:guid}/milestones/{milestoneId:guid}/reschedule", (Guid id, Guid milestoneId, RescheduleMilestoneBody body, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) =>
                    new RescheduleMilestoneRequest(caller, options, CommitmentId.From(id), MilestoneId.From(milestoneId), body)))
            .For<RescheduleMilestoneRequest>()
            .WithName("RescheduleMilestone")
            .WithSummary("Reschedule an open milestone · 调整里程碑期限");

        commitments.MapPost("/{id:guid}/milestones/{milestoneId:guid}/complete", (Guid id, Guid milestoneId, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) =>
                    new CompleteMilestoneRequest(caller, options, CommitmentId.From(id), MilestoneId.From(milestoneId))))
            .For<CompleteMilestoneRequest>()
            .WithName("CompleteMilestone")
            .WithSummary("Complete a milestone · 完成里程碑");

        commitments.MapPost("/{id:guid}/progress-reports", (Guid id, SubmitProgressReportBody body, HttpContext http, IMediator mediator) =>
                Dispatch.CreateAsync(http, mediator, (caller, options) =>
                    new SubmitProgressReportRequest(caller, options, CommitmentId.From(id), ProgressReportId.From(HttpWrite.NewAggregateId(caller, options)), body),
                    _ => $"/api/v1/commitments/{id}"))
            .For<SubmitProgressReportRequest>()
            .WithName("SubmitProgressReport")
            .WithSummary("Submit a progress report · 提交进展报告");

        commitments.MapPost("/{id:guid}/progress-reports/{reportId:guid}/approve", (Guid id, Guid reportId, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) =>
                    new ApproveProgressReportRequest(caller, options, CommitmentId.From(id), ProgressReportId.From(reportId))))
            .For<ApproveProgressReportRequest>()
            .WithName("ApproveProgressReport")
            .WithSummary("Approve a progress report · 审核通过进展报告");

        commitments.MapPost("/{id:guid}/progress-reports/{reportId:guid}/return", (Guid id, Guid reportId, ReturnProgressReportBody body, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) =>
                    new ReturnProgressReportRequest(caller, options, CommitmentId.From(id), ProgressReportId.From(reportId), body)))
            .For<ReturnProgressReportRequest>()
            .WithName("ReturnProgressReport")
            .WithSummary("Return a progress report to the partner · 退回进展报告");

        commitments.MapPost("/{id:guid}/complete", (Guid id, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new CompleteCommitmentRequest(caller, options, CommitmentId.From(id))))
            .For<CompleteCommitmentRequest>()
            .WithName("CompleteCommitment")
            .WithSummary("Complete a commitment · 完成承诺事项");

        commitments.MapPost("/{id:guid}/cancel", (Guid id, CancelCommitmentBody body, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new CancelCommitmentRequest(caller, options, CommitmentId.From(id), body)))
            .For<CancelCommitmentRequest>()
            .WithName("CancelCommitment")
            .WithSummary("Cancel a commitment · 取消承诺事项");
    }

    private static void AddOwnedAccess<TRequest>(IServiceCollection services)
        where TRequest : class, ICommitmentWrite =>
        services.AddSingleton<IAccessRule<TRequest>>(sp => sp.GetRequiredService<OwnedCommitmentAccess>());
}
