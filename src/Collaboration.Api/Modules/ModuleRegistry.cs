using Collaboration.Api.Modules.Memoranda;
using Collaboration.Api.Modules.Partners;
using Collaboration.Api.Modules.Policies;

namespace Collaboration.Api.Modules;

/// <summary>Every module's services and endpoints, in one list.</summary>
public static class ModuleRegistry
{
    public static IServiceCollection AddModules(this IServiceCollection services) =>
        services
            .AddPartners()
            .AddPolicies()
            .AddMemoranda();

    public static IEndpointRouteBuilder MapModules(this IEndpointRouteBuilder api)
    {
        api.MapPartners();
        api.MapPolicies();
        api.MapMemoranda();
        return api;
    }
}
