using Collaboration.Api.Application;
using Collaboration.Api.Http;
using Collaboration.Api.Visibility;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Visibility;
using Mediator;

namespace Collaboration.Api.Modules.Feedback;

/// <summary>Observer feedback: submit, acknowledge, route, answer, rate, publish or keep private, read.</summary>
public static class FeedbackModule
{
    public static IServiceCollection AddFeedback(this IServiceCollection services) =>
        services
            .AddSingleton<IValidator<KeepFeedbackPrivateRequest>, KeepFeedbackPrivateValidator>()
            .AddSingleton<IAccessRule<AnswerFeedbackRequest>, AnswerFeedbackAccess>()
            .AddSingleton<IAccessRule<RateFeedbackAnswerRequest>, RateFeedbackAnswerAccess>()
            .AddSingleton<IAccessRule<GetFeedbackRequest>, GetFeedbackAccess>();

    public static void MapFeedback(this IEndpointRouteBuilder api)
    {
        var feedback = api.MapGroup("/feedback").WithTags("Feedback");

        feedback.MapPost("/", (SubmitFeedbackBody body, HttpContext http, IMediator mediator) =>
                Dispatch.CreateAsync(http, mediator, (caller, options) =>
                    new SubmitFeedbackRequest(caller, options, FeedbackId.From(HttpWrite.NewAggregateId(caller, options)), body),
                    id => $"/api/v1/feedback/{id}"))
            .For<SubmitFeedbackRequest>()
            .WithName("SubmitFeedback")
            .WithSummary("Submit feedback as an observer · 观察员提交意见建议");

        feedback.MapGet("/{id:guid}", (Guid id, HttpContext http, IMediator mediator) =>
                Dispatch.ReadAsync(http, mediator, caller => new GetFeedbackRequest(caller, FeedbackId.From(id))))
            .For<GetFeedbackRequest>()
            .ShowsItems(ItemKind.Feedback)
            .WithName("GetFeedback")
            .WithSummary("Read a feedback item with its answer deadline · 查看意见建议及答复期限");

        feedback.MapPost("/{id:guid}/acknowledge", (Guid id, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new AcknowledgeFeedbackRequest(caller, options, FeedbackId.From(id))))
            .For<AcknowledgeFeedbackRequest>()
            .WithName("AcknowledgeFeedback")
            .WithSummary("Acknowledge receipt of feedback · 确认收悉");

        feedback.MapPost("/{id:guid}/route", (Guid id, RouteFeedbackBody body, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new RouteFeedbackRequest(caller, options, FeedbackId.From(id), body)))
            .For<RouteFeedbackRequest>()
            .WithName("RouteFeedback")
            .WithSummary("Route feedback to a government department · 转办至承办部门");

        feedback.MapPost("/{id:guid}/answer", (Guid id, AnswerFeedbackBody body, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new AnswerFeedbackRequest(caller, options, FeedbackId.From(id), body)))
            .For<AnswerFeedbackRequest>()
            .WithName("AnswerFeedback")
            .WithSummary("Answer feedback for the routed department · 承办部门答复");

        feedback.MapPost("/{id:guid}/rate", (Guid id, RateFeedbackAnswerBody body, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new RateFeedbackAnswerRequest(caller, options, FeedbackId.From(id), body)))
            .For<RateFeedbackAnswerRequest>()
            .WithName("RateFeedbackAnswer")
            .WithSummary("Rate the answer to your feedback · 评价答复满意度");

        feedback.MapPost("/{id:guid}/publish", (Guid id, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new PublishFeedbackRequest(caller, options, FeedbackId.From(id))))
            .For<PublishFeedbackRequest>()
            .WithName("PublishFeedback")
            .WithSummary("Publish feedback and answer on the board · 公开意见建议及答复");

        feedback.MapPost("/{id:guid}/keep-private", (Guid id, KeepFeedbackPrivateBody body, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new KeepFeedbackPrivateRequest(caller, options, FeedbackId.From(id), body)))
            .For<KeepFeedbackPrivateRequest>()
            .WithName("KeepFeedbackPrivate")
            .WithSummary("Keep feedback off the public board · 不予公开");
    }
}
