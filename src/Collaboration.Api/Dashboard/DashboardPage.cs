using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Domain.Kernel;
using Microsoft.AspNetCore.Components;

namespace Collaboration.Api.Dashboard;

/// <summary>
/// What every dashboard page shares: it loads through <see cref="IViewQueries"/> as the signed-in caller, reloads
/// when a change it may see is committed (no polling, no reload of the browser page), and re-renders in the chosen language.
/// </summary>
public abstract class DashboardPage : ComponentBase, IDisposable
{
    [Inject]
    protected DashboardSession Session { get; set; } = default!;

    [Inject]
    protected IViewQueries Queries { get; set; } = default!;

    /// <summary>Cascaded by the layout so that switching the language re-renders the page.</summary>
    [CascadingParameter]
    protected Language Language { get; set; } = Language.En;

    protected DashboardLabels L => DashboardLabels.For(Language);

    protected Caller? Caller => Session.Caller;

    protected bool Loaded { get; private set; }

    /// <summary>The views this page shows; changes to other views do not reload it.</summary>
    protected abstract IReadOnlySet<string> Views { get; }

    protected override async Task OnInitializedAsync()
    {
        // Subscribe before the first read so that nothing committed in between is missed.
        Session.ViewChanged += OnViewChangedAsync;
        await Session.StartAsync();
    }

    /// <summary>Route parameters and the language arrive here; the page reads again for the new ones.</summary>
    protected override async Task OnParametersSetAsync()
    {
        if (Caller is { } caller)
        {
            await LoadAsync(caller);
        }

        Loaded = true;
    }

    /// <summary>Reads everything the page shows; called on first render, on route changes and after each visible change.</summary>
    protected abstract Task LoadAsync(Caller caller);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Session.ViewChanged -= OnViewChangedAsync;
        }
    }

    private Task OnViewChangedAsync(ViewChange change)
    {
        if (!Views.Contains(change.View) || Caller is not { } caller)
        {
            return Task.CompletedTask;
        }

        // The session delivers changes one at a time, so reloads never overlap.
        return InvokeAsync(async () =>
        {
            await LoadAsync(caller);
            StateHasChanged();
        });
    }
}
