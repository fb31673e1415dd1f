using Collaboration.Api.Modules.Audit;
using Collaboration.Api.Modules.Commitments;
using Collaboration.Api.Modules.Feedback;
using Collaboration.Api.Modules.Imports;
using Collaboration.Api.Modules.Memoranda;
using Collaboration.Api.Modules.Notifications;
using Collaboration.Api.Modules.Observers;
using Collaboration.Api.Modules.Partners;
using Collaboration.Api.Modules.Policies;
using Collaboration.Api.Modules.PublicityPoints;
using Collaboration.Api.Modules.Sheets;
using Collaboration.Api.Modules.TalentCases;
using Collaboration.Api.Modules.Views;
using Collaboration.Api.Visibility;

namespace Collaboration.Api.Modules;

/// <summary>Every module's services and endpoints, in one list.</summary>
public static class ModuleRegistry
{
    public static IServiceCollection AddModules(this IServiceCollection services) =>
        services
            .AddVisibility()
            .AddPartners()
            .AddPolicies()
            .AddPublicityPoints()
            .AddMemoranda()
            .AddCommitments()
            .AddTalentCases()
            .AddObservers()
            .AddFeedback()
            .AddViews()
            .AddImports()
            .AddAudit()
            .AddNotifications();

    public static IEndpointRouteBuilder MapModules(this IEndpointRouteBuilder api)
    {
        api.MapPartners();
        api.MapPolicies();
        api.MapPublicityPoints();
        api.MapMemoranda();
        api.MapCommitments();
        api.MapTalentCases();
        api.MapObservers();
        api.MapFeedback();
        api.MapViews();
        api.MapSpreadsheetExports();
        api.MapImports();
        api.MapAudit();
        api.MapNotifications();
        return api;
    }
}
