using Collaboration.Api.Modules.Partners;
using Collaboration.Api.Modules.Views;

namespace Collaboration.Api.Modules;

/// <summary>Every module's services and endpoints, in one list.</summary>
public static class ModuleRegistry
{
    public static IServiceCollection AddModules(this IServiceCollection services) =>
        services
            .AddPartners()
            .AddViews();

    public static IEndpointRouteBuilder MapModules(this IEndpointRouteBuilder api)
    {
        api.MapPartners();
        api.MapViews();
        return api;
    }
}
