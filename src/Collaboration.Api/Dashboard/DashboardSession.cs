using System.Threading.Channels;
using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Domain.Kernel;
using Microsoft.AspNetCore.Components.Authorization;

namespace Collaboration.Api.Dashboard;

/// <summary>
/// One browser circuit: who is signed in, which language they read, and the live changes they may see.
/// Changes from <see cref="IViewChangeFeed"/> are queued and handled on this session's own loop, so a slow page
/// never holds up the projection that published them; each is checked with <see cref="IViewQueries.ShowAsync"/>
/// against the cookie's caller before any page hears of it.
/// </summary>
public sealed class DashboardSession(
    AuthenticationStateProvider authentication,
    IViewChangeFeed feed,
    IViewQueries queries,
    TimeProvider time,
    ILogger<DashboardSession> logger) : IAsyncDisposable
{
    private readonly Channel<ViewChange> _pending = Channel.CreateUnbounded<ViewChange>(new() { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private IDisposable? _subscription;
    private Task? _loop;

    public Caller? Caller { get; private set; }

    public Language Language { get; private set; } = Language.En;

    public DashboardLabels Labels => DashboardLabels.For(Language);

    /// <summary>The district's calendar day: due dates and countdowns are Shanghai dates.</summary>
    public DateOnly Today => DistrictTime.Today(time);

    /// <summary>Raised for each committed change the caller may see, on the session's loop (not the renderer's thread).</summary>
    public event Func<ViewChange, Task>? ViewChanged;

    /// <summary>Raised after the language was switched.</summary>
    public event Action? LanguageChanged;

    /// <summary>Reads the caller from the cookie once and starts listening; null when the principal is not a known role.</summary>
    public async Task<Caller?> StartAsync()
    {
        if (Caller is not null)
        {
            return Caller;
        }

        var state = await authentication.GetAuthenticationStateAsync();
        Caller = Caller.FromPrincipal(state.User);
        if (Caller is not null && _subscription is null)
        {
            // Subscribe before the first page reads, so nothing committed in between is missed.
            // TryWrite never blocks the publisher (the queue is unbounded) and quietly drops changes once the circuit has closed.
            _subscription = feed.Subscribe(change =>
            {
                _pending.Writer.TryWrite(change);
                return Task.CompletedTask;
            });
            _loop = Task.Run(DeliverAsync);
        }

        return Caller;
    }

    public void SwitchLanguage(Language language)
    {
        if (language == Language)
        {
            return;
        }

        Language = language;
        LanguageChanged?.Invoke();
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        _pending.Writer.TryComplete();
        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        _stopping.Dispose();
    }

    private async Task DeliverAsync()
    {
        try
        {
            await foreach (var change in _pending.Reader.ReadAllAsync(_stopping.Token))
            {
                if (Caller is not { } caller || ViewChanged is not { } handlers)
                {
                    continue;
                }

                try
                {
                    if (await queries.ShowAsync(caller, change, _stopping.Token) is not { } shown)
                    {
                        continue;
                    }

                    foreach (var handler in handlers.GetInvocationList().Cast<Func<ViewChange, Task>>())
                    {
                        await handler(shown);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One failed refresh must not end the circuit's live updates.
                    logger.LogWarning(ex, "Dashboard could not apply change {View}/{Key} at {Position}", change.View, change.Key, change.Position);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The circuit closed.
        }
    }
}
