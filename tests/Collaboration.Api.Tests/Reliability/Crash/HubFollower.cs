using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collaboration.Api.Tests.Reliability.Crash;

/// <summary>
/// A status-hub client that behaves as the hub's contract asks (<c>StatusHubContract</c>): after every (re)connect it calls
/// <c>CatchUp</c> page by page from its resume position, applying pushes and catch-up pages idempotently by (view, key),
/// the highest position winning. Only the catch-up's last page and <c>PublishedThrough</c> move its resume position, never
/// a pushed document's position: a push can arrive before the catch-up that covers older changes, and a projection retried
/// after a failure pushes below positions already pushed. Its documents survive the tracker's death; only the connection
/// is new after a restart.
/// </summary>
public sealed class HubFollower : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string View, string Key), (long Position, string? Data)> _documents = [];
    private HubConnection? _connection;
    private bool _caughtUp;
    private long _announcedWhileCatchingUp;
    private Task _catchingUpAgain = Task.CompletedTask;
    private int _catchUpsAsked;

    /// <summary>Where the next catch-up starts: everything at or below it has been received.</summary>
    public long LastPosition { get; private set; }

    public IReadOnlyDictionary<(string View, string Key), (long Position, string? Data)> Documents
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<(string View, string Key), (long Position, string? Data)>(_documents);
            }
        }
    }

    /// <summary>The highest position received by any means, resumable or not (for tests that wait for a push).</summary>
    public long HighestSeen
    {
        get
        {
            lock (_gate)
            {
                return _documents.Count == 0 ? 0 : _documents.Values.Max(d => d.Position);
            }
        }
    }

    /// <summary>
    /// Connects to <paramref name="tracker"/> (a new process after a crash) and catches up from the resume position.
    /// <paramref name="beforeCatchUp"/> runs between the connection's start and the first <c>CatchUp</c>, where pushes can
    /// already arrive.
    /// </summary>
    public async Task ConnectAsync(TrackerProcess tracker, string token, Func<Task>? beforeCatchUp = null)
    {
        await DisconnectAsync();
        lock (_gate)
        {
            _caughtUp = false;
            _announcedWhileCatchingUp = 0;
        }

        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(tracker.BaseAddress, "/hubs/status"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        _connection = connection;
        connection.On<JsonElement>("ViewChanged", Apply);
        connection.On<long>("PublishedThrough", Announced);
        // Invoking the hub from inside a handler would wait on the loop that runs handlers: catch up beside it.
        connection.On("CatchUpNeeded", () =>
        {
            Interlocked.Increment(ref _catchUpsAsked);
            _catchingUpAgain = Task.Run(() => CatchUpAgainAsync(connection));
        });
        await connection.StartAsync();
        if (beforeCatchUp is not null)
        {
            await beforeCatchUp();
        }

        await CatchUpAsync(connection);
    }

    /// <summary>Drops the connection, keeping the documents and the resume position.</summary>
    public async Task DisconnectAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    public async ValueTask DisposeAsync() => await DisconnectAsync();

    /// <summary>How many times the server asked this client to catch up again (<c>CatchUpNeeded</c>).</summary>
    public int CatchUpsAsked => Volatile.Read(ref _catchUpsAsked);

    /// <summary>Completes when a catch-up the server asked for (<c>CatchUpNeeded</c>) is done.</summary>
    public Task CatchingUpAgain => _catchingUpAgain;

    private async Task CatchUpAgainAsync(HubConnection connection)
    {
        lock (_gate)
        {
            _caughtUp = false;
            _announcedWhileCatchingUp = 0;
        }

        await CatchUpAsync(connection);
    }

    private async Task CatchUpAsync(HubConnection connection)
    {
        var since = LastPosition;
        while (true)
        {
            var page = await connection.InvokeAsync<JsonElement>("CatchUp", since);
            foreach (var change in page.GetProperty("changes").EnumerateArray())
            {
                Apply(change);
            }

            since = page.GetProperty("next").GetInt64();
            if (!page.GetProperty("hasMore").GetBoolean())
            {
                break;
            }
        }

        lock (_gate)
        {
            // The pages and the pushes received since the catch-up started together cover everything up to either.
            LastPosition = Math.Max(LastPosition, Math.Max(since, _announcedWhileCatchingUp));
            _caughtUp = true;
        }
    }

    private void Announced(long position)
    {
        lock (_gate)
        {
            if (_caughtUp)
            {
                LastPosition = Math.Max(LastPosition, position);
            }
            else
            {
                _announcedWhileCatchingUp = Math.Max(_announcedWhileCatchingUp, position);
            }
        }
    }

    private void Apply(JsonElement change)
    {
        var view = change.GetProperty("view").GetString()!;
        var key = change.GetProperty("key").GetString()!;
        var position = change.GetProperty("position").GetInt64();
        var data = change.TryGetProperty("data", out var d) && d.ValueKind is not JsonValueKind.Null and not JsonValueKind.Undefined ? d.GetRawText() : null;
        lock (_gate)
        {
            if (_documents.TryGetValue((view, key), out var known) && known.Position > position)
            {
                return;
            }

            // A removal is kept (with no data) so that an older copy arriving later cannot bring the document back.
            _documents[(view, key)] = (position, data);
        }
    }
}
