using Collaboration.Api.Application;
using Collaboration.Api.Http;
using Collaboration.Api.Visibility;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Visibility;
using Mediator;

namespace Collaboration.Api.Modules.Partners;

/// <summary>Partner organisations: register, update, deactivate, read.</summary>
public static class PartnersModule
{
    public static IServiceCollection AddPartners(this IServiceCollection services) =>
        services
            .AddSingleton<IValidator<RegisterPartnerRequest>, RegisterPartnerValidator>()
            .AddSingleton<IValidator<UpdatePartnerDetailsRequest>, UpdatePartnerDetailsValidator>()
            .AddSingleton<IAccessRule<GetPartnerRequest>, GetPartnerAccess>();

    public static void MapPartners(this IEndpointRouteBuilder api)
    {
        var partners = api.MapGroup("/partners").WithTags("Partners");

        partners.MapPost("/", (RegisterPartnerBody body, HttpContext http, IMediator mediator) =>
                Dispatch.CreateAsync(http, mediator, (caller, options) =>
                    new RegisterPartnerRequest(caller, options, PartnerId.From(HttpWrite.NewAggregateId(caller, options)), body),
                    id => $"/api/v1/partners/{id}"))
            .For<RegisterPartnerRequest>()
            .WithName("RegisterPartner")
            .WithSummary("Register a partner organisation · 登记合作单位");

        partners.MapGet("/{id:guid}", (Guid id, HttpContext http, IMediator mediator) =>
                Dispatch.ReadAsync(http, mediator, caller => new GetPartnerRequest(caller, PartnerId.From(id))))
            .For<GetPartnerRequest>()
            .ShowsItems(ItemKind.Partner)
            .WithName("GetPartner")
            .WithSummary("Read a partner organisation · 查看合作单位");

        partners.MapPost("/{id:guid}/details", (Guid id, UpdatePartnerDetailsBody body, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new UpdatePartnerDetailsRequest(caller, options, PartnerId.From(id), body)))
            .For<UpdatePartnerDetailsRequest>()
            .WithName("UpdatePartnerDetails")
            .WithSummary("Update a partner's details · 更新合作单位信息");

        partners.MapPost("/{id:guid}/deactivate", (Guid id, DeactivatePartnerBody body, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new DeactivatePartnerRequest(caller, options, PartnerId.From(id), body)))
            .For<DeactivatePartnerRequest>()
            .WithName("DeactivatePartner")
            .WithSummary("Deactivate a partner · 停用合作单位");
    }
}
