using Collaboration.Api.Application;
using Collaboration.Api.Http;
using Collaboration.Api.Visibility;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Visibility;
using Mediator;

namespace Collaboration.Api.Modules.Observers;

/// <summary>Government Affairs Public Observers: appoint, extend or end a term, read.</summary>
public static class ObserversModule
{
    public static IServiceCollection AddObservers(this IServiceCollection services) =>
        services
            .AddSingleton<IValidator<AppointObserverRequest>, AppointObserverValidator>()
            .AddSingleton<IValidator<EndObserverTermRequest>, EndObserverTermValidator>()
            .AddSingleton<IAccessRule<GetObserverRequest>, GetObserverAccess>();

    public static void MapObservers(this IEndpointRouteBuilder api)
    {
        var observers = api.MapGroup("/observers").WithTags("Observers");

        observers.MapPost("/", (AppointObserverBody body, HttpContext http, IMediator mediator) =>
                Dispatch.CreateAsync(http, mediator, (caller, options) =>
                    new AppointObserverRequest(caller, options, ObserverId.From(HttpWrite.NewAggregateId(caller, options)), body),
                    id => $"/api/v1/observers/{id}"))
            .For<AppointObserverRequest>()
            .WithName("AppointObserver")
            .WithSummary("Appoint a public observer · 聘任政务公开观察员");

        observers.MapGet("/{id:guid}", (Guid id, HttpContext http, IMediator mediator) =>
                Dispatch.ReadAsync(http, mediator, caller => new GetObserverRequest(caller, ObserverId.From(id))))
            .For<GetObserverRequest>()
            .ShowsItems(ItemKind.Observer)
            .WithName("GetObserver")
            .WithSummary("Read an observer · 查看观察员");

        observers.MapPost("/{id:guid}/extend-term", (Guid id, ExtendObserverTermBody body, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new ExtendObserverTermRequest(caller, options, ObserverId.From(id), body)))
            .For<ExtendObserverTermRequest>()
            .WithName("ExtendObserverTerm")
            .WithSummary("Extend an observer's term · 延长观察员任期");

        observers.MapPost("/{id:guid}/end-term", (Guid id, EndObserverTermBody body, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new EndObserverTermRequest(caller, options, ObserverId.From(id), body)))
            .For<EndObserverTermRequest>()
            .WithName("EndObserverTerm")
            .WithSummary("End an observer's term early · 提前结束观察员任期");
    }
}
