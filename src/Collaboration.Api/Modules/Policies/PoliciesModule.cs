using Collaboration.Api.Application;
using Collaboration.Api.Http;
using Collaboration.Api.Visibility;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Visibility;
using Mediator;

namespace Collaboration.Api.Modules.Policies;

/// <summary>The bilingual policy catalogue: publish, revise, retire, read.</summary>
public static class PoliciesModule
{
    public static IServiceCollection AddPolicies(this IServiceCollection services) =>
        services
            .AddSingleton<IValidator<PublishPolicyRequest>, PublishPolicyValidator>()
            .AddSingleton<IValidator<RevisePolicyRequest>, RevisePolicyValidator>()
            .AddSingleton<IValidator<RetirePolicyRequest>, RetirePolicyValidator>();

    public static void MapPolicies(this IEndpointRouteBuilder api)
    {
        var policies = api.MapGroup("/policies").WithTags("Policies");

        policies.MapPost("/", (PolicyContentBody body, HttpContext http, IMediator mediator) =>
                Dispatch.CreateAsync(http, mediator, (caller, options) =>
                    new PublishPolicyRequest(caller, options, PolicyId.From(HttpWrite.NewAggregateId(caller, options)), body),
                    id => $"/api/v1/policies/{id}"))
            .For<PublishPolicyRequest>()
            .WithName("PublishPolicy")
            .WithSummary("Publish a policy · 发布政策");

        policies.MapGet("/{id:guid}", (Guid id, HttpContext http, IMediator mediator) =>
                Dispatch.ReadAsync(http, mediator, caller => new GetPolicyRequest(caller, PolicyId.From(id))))
            .For<GetPolicyRequest>()
            .ShowsItems(ItemKind.Policy)
            .WithName("GetPolicy")
            .WithSummary("Read a policy · 查看政策");

        policies.MapPost("/{id:guid}/revise", (Guid id, RevisePolicyBody body, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new RevisePolicyRequest(caller, options, PolicyId.From(id), body)))
            .For<RevisePolicyRequest>()
            .WithName("RevisePolicy")
            .WithSummary("Revise a policy · 修订政策");

        policies.MapPost("/{id:guid}/retire", (Guid id, RetirePolicyBody body, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new RetirePolicyRequest(caller, options, PolicyId.From(id), body)))
            .For<RetirePolicyRequest>()
            .WithName("RetirePolicy")
            .WithSummary("Retire a policy · 废止政策");
    }
}
