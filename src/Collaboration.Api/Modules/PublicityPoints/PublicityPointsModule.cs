using Collaboration.Api.Application;
using Collaboration.Api.Http;
using Collaboration.Api.Modules.Views.Paging;
using Collaboration.Api.Visibility;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Visibility;
using Mediator;

namespace Collaboration.Api.Modules.PublicityPoints;

/// <summary>Foreign-related policy publicity points: designate, revise, withdraw, list. Public like the policy catalogue.</summary>
public static class PublicityPointsModule
{
    public static IServiceCollection AddPublicityPoints(this IServiceCollection services) =>
        services
            .AddSingleton<IValidator<DesignatePublicityPointRequest>, DesignatePublicityPointValidator>()
            .AddSingleton<IValidator<RevisePublicityPointRequest>, RevisePublicityPointValidator>()
            .AddSingleton<IValidator<WithdrawPublicityPointRequest>, WithdrawPublicityPointValidator>();

    public static void MapPublicityPoints(this IEndpointRouteBuilder api)
    {
        var points = api.MapGroup("/publicity-points").WithTags("Policies");

        points.MapGet("/", (int? limit, string? after, string? sort, HttpContext http, IMediator mediator) =>
                Dispatch.ReadPageAsync(http, mediator, caller => new ListPublicityPointsRequest(caller, new PageRequest(limit, after, sort))))
            .For<ListPublicityPointsRequest>()
            .ShowsItems(ItemKind.Policy)
            .WithName("ListPublicityPoints")
            .Pages(ListPublicityPointsHandler.Sorts)
            .WithSummary("List policy publicity points · 政策宣传点列表");

        points.MapPost("/", (DesignatePublicityPointBody body, HttpContext http, IMediator mediator) =>
                Dispatch.CreateAsync(http, mediator, (caller, options) =>
                    new DesignatePublicityPointRequest(caller, options, PublicityPointId.From(HttpWrite.NewAggregateId(caller, options)), body),
                    id => $"/api/v1/publicity-points/{id}"))
            .For<DesignatePublicityPointRequest>()
            .WithName("DesignatePublicityPoint")
            .WithSummary("Designate a policy publicity point · 认定政策宣传点");

        points.MapPost("/{id:guid}/revise", (Guid id, PublicityPointBody body, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new RevisePublicityPointRequest(caller, options, PublicityPointId.From(id), body)))
            .For<RevisePublicityPointRequest>()
            .WithName("RevisePublicityPoint")
            .WithSummary("Revise a publicity point · 更新政策宣传点");

        points.MapPost("/{id:guid}/withdraw", (Guid id, WithdrawPublicityPointBody body, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new WithdrawPublicityPointRequest(caller, options, PublicityPointId.From(id), body)))
            .For<WithdrawPublicityPointRequest>()
            .WithName("WithdrawPublicityPoint")
            .WithSummary("Withdraw a publicity point · 撤销政策宣传点");
    }
}
