using Collaboration.Api.Application;
using Collaboration.Api.Http;
using Collaboration.Api.Visibility;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Visibility;
using Mediator;

namespace Collaboration.Api.Modules.Memoranda;

/// <summary>Government-Society Cooperation Memoranda and the Enterprise Policy Service Packages delivered under them.</summary>
public static class MemorandaModule
{
    public static IServiceCollection AddMemoranda(this IServiceCollection services) =>
        services
            .AddSingleton<MemorandumScope>()
            .AddSingleton<IValidator<DraftMemorandumRequest>, DraftMemorandumValidator>()
            .AddSingleton<IValidator<SignMemorandumRequest>, SignMemorandumValidator>()
            .AddSingleton<IValidator<AmendMemorandumRequest>, AmendMemorandumValidator>()
            .AddSingleton<IValidator<SuspendMemorandumRequest>, SuspendMemorandumValidator>()
            .AddSingleton<IValidator<TerminateMemorandumRequest>, TerminateMemorandumValidator>()
            .AddSingleton<IValidator<DeliverPolicyPackageRequest>, DeliverPolicyPackageValidator>()
            .AddSingleton<IAccessRule<GetMemorandumRequest>, GetMemorandumAccess>()
            .AddSingleton<IAccessRule<GetPolicyPackageRequest>, GetPolicyPackageAccess>()
            .AddSingleton<IAccessRule<AcknowledgePolicyPackageRequest>, AcknowledgePolicyPackageAccess>();

    public static void MapMemoranda(this IEndpointRouteBuilder api)
    {
        var memoranda = api.MapGroup("/memoranda").WithTags("Memoranda");

        memoranda.MapPost("/", (DraftMemorandumBody body, HttpContext http, IMediator mediator) =>
                Dispatch.CreateAsync(http, mediator, (caller, options) =>
                    new DraftMemorandumRequest(caller, options, MemorandumId.From(HttpWrite.NewAggregateId(caller, options)), body),
                    id => $"/api/v1/memoranda/{id}"))
            .For<DraftMemorandumRequest>()
            .WithName("DraftMemorandum")
            .WithSummary("Draft a cooperation memorandum · 起草政社合作备忘录");

        memoranda.MapGet("/{id:guid}", (Guid id, HttpContext http, IMediator mediator) =>
                Dispatch.ReadAsync(http, mediator, caller => new GetMemorandumRequest(caller, MemorandumId.From(id))))
            .For<GetMemorandumRequest>()
            .ShowsItems(ItemKind.Memorandum)
            .WithName("GetMemorandum")
            .WithSummary("Read a memorandum · 查看备忘录");

        memoranda.MapPost("/{id:guid}/parties", (Guid id, AddMemorandumPartyBody body, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new AddMemorandumPartyRequest(caller, options, MemorandumId.From(id), body)))
            .For<AddMemorandumPartyRequest>()
            .WithName("AddMemorandumParty")
            .WithSummary("Add a party to a draft memorandum · 添加签约方");

        memoranda.MapPost("/{id:guid}/parties/{partnerId:guid}/remove", (Guid id, Guid partnerId, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) =>
                    new RemoveMemorandumPartyRequest(caller, options, MemorandumId.From(id), PartnerId.From(partnerId))))
            .For<RemoveMemorandumPartyRequest>()
            .WithName("RemoveMemorandumParty")
            .WithSummary("Remove a party from a draft memorandum · 移除签约方");

        memoranda.MapPost("/{id:guid}/sign", (Guid id, SignMemorandumBody body, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new SignMemorandumRequest(caller, options, MemorandumId.From(id), body)))
            .For<SignMemorandumRequest>()
            .WithName("SignMemorandum")
            .WithSummary("Sign a memorandum · 签署备忘录");

        memoranda.MapPost("/{id:guid}/amend", (Guid id, AmendMemorandumBody body, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new AmendMemorandumRequest(caller, options, MemorandumId.From(id), body)))
            .For<AmendMemorandumRequest>()
            .WithName("AmendMemorandum")
            .WithSummary("Amend a signed memorandum · 签订补充条款");

        memoranda.MapPost("/{id:guid}/suspend", (Guid id, SuspendMemorandumBody body, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new SuspendMemorandumRequest(caller, options, MemorandumId.From(id), body)))
            .For<SuspendMemorandumRequest>()
            .WithName("SuspendMemorandum")
            .WithSummary("Suspend a memorandum · 暂停备忘录");

        memoranda.MapPost("/{id:guid}/resume", (Guid id, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new ResumeMemorandumRequest(caller, options, MemorandumId.From(id))))
            .For<ResumeMemorandumRequest>()
            .WithName("ResumeMemorandum")
            .WithSummary("Resume a suspended memorandum · 恢复备忘录");

        memoranda.MapPost("/{id:guid}/complete", (Guid id, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new CompleteMemorandumRequest(caller, options, MemorandumId.From(id))))
            .For<CompleteMemorandumRequest>()
            .WithName("CompleteMemorandum")
            .WithSummary("Complete a memorandum · 备忘录履行完毕");

        memoranda.MapPost("/{id:guid}/terminate", (Guid id, TerminateMemorandumBody body, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new TerminateMemorandumRequest(caller, options, MemorandumId.From(id), body)))
            .For<TerminateMemorandumRequest>()
            .WithName("TerminateMemorandum")
            .WithSummary("Terminate a memorandum · 终止备忘录");

        memoranda.MapPost("/{id:guid}/publish", (Guid id, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new PublishMemorandumRequest(caller, options, MemorandumId.From(id))))
            .For<PublishMemorandumRequest>()
            .WithName("PublishMemorandum")
            .WithSummary("Publish a signed memorandum on the open-government portal · 在政务公开页公开备忘录");

        // A delivery creates a package inside the memorandum: 201 with the package's Location, and the receipt's id is
        // the package id (the ETag is still the memorandum stream's revision, for a following If-Match).
        memoranda.MapPost("/{id:guid}/packages", (Guid id, DeliverPolicyPackageBody body, HttpContext http, IMediator mediator) =>
                Dispatch.CreateAsync(http, mediator, (caller, options) =>
                    new DeliverPolicyPackageRequest(caller, options, MemorandumId.From(id), PackageId.From(HttpWrite.NewAggregateId(caller, options)), body),
                    package => $"/api/v1/memoranda/{id}/packages/{package}"))
            .For<DeliverPolicyPackageRequest>()
            .WithName("DeliverPolicyPackage")
            .WithSummary("Deliver an Enterprise Policy Service Package · 发放企业政策服务包");

        memoranda.MapGet("/{id:guid}/packages/{packageId:guid}", (Guid id, Guid packageId, HttpContext http, IMediator mediator) =>
                Dispatch.ReadAsync(http, mediator, caller => new GetPolicyPackageRequest(caller, MemorandumId.From(id), PackageId.From(packageId))))
            .For<GetPolicyPackageRequest>()
            .ShowsItems(ItemKind.Memorandum)
            .WithName("GetPolicyPackage")
            .WithSummary("Read a delivered policy package · 查看企业政策服务包");

        memoranda.MapPost("/{id:guid}/packages/{packageId:guid}/acknowledge", (Guid id, Guid packageId, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) =>
                    new AcknowledgePolicyPackageRequest(caller, options, MemorandumId.From(id), PackageId.From(packageId))))
            .For<AcknowledgePolicyPackageRequest>()
            .WithName("AcknowledgePolicyPackage")
            .WithSummary("Acknowledge receipt of a policy package · 确认收到企业政策服务包");
    }
}
