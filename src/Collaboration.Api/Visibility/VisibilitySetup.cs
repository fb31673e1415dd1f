using Collaboration.Audit.Visibility;
using Collaboration.Domain.Visibility;

namespace Collaboration.Api.Visibility;

public static class VisibilitySetup
{
    /// <summary>
    /// The policy and the services that apply it. The rules are a service of their own so that the leak matrix's
    /// self-check can run the app with one rule removed; nothing else replaces them.
    /// </summary>
    public static IServiceCollection AddVisibility(this IServiceCollection services) =>
        services
            .AddSingleton(VisibilityRules.Default)
            .AddSingleton<VisibilityPolicy>()
            .AddSingleton<VisibilityService>()
            .AddSingleton<DocumentVisibility>();
}
