using Collaboration.Api.Modules.Audit;
using Collaboration.Api.Modules.Partners;

namespace Collaboration.Api.Modules;

/// <summary>Every module's services and endpoints, in one list.</summary>
public static class ModuleRegistry
{
    public static IServiceCollection AddModules(this IServiceCollection services) =>
        services
            .AddPartners()
            .AddAudit();

    public static IEndpointRouteBuilder MapModules(this IEndpointRouteBuilder api)
    {
        api.MapPartners();
        api.MapAudit();
        return api;
    }
}
