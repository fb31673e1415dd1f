using Collaboration.Api.Application;
using Collaboration.Audit.Visibility;
using Collaboration.Domain.Visibility;

namespace Collaboration.Api.Visibility;

public static class CallerVisibility
{
    /// <summary>The scope of an HTTP caller; a request without a usable role sees what the public sees.</summary>
    public static VisibilityScope For(this VisibilityService visibility, Caller? caller)
    {
        ArgumentNullException.ThrowIfNull(visibility);
        return visibility.For(caller?.ToViewer() ?? Viewer.Public);
    }
}
