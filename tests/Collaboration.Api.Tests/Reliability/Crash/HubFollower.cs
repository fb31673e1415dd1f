using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collaboration.Api.Tests.Reliability.Crash;

/// <summary>
/// A status-hub client that behaves as the hub's contract asks (<c>StatusHubContract</c>): it keeps the highest position it
/// has seen, and after every (re)connect calls <c>CatchUp</c> from there page by page, applying pushes and catch-up pages
/// idempotently by (view, key), the highest position winning. Its documents survive the tracker's death; only the
/// connection is new after a restart.
/// </summary>
public sealed class HubFollower : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string View, string Key), (long Position, string? Data)> _documents = [];
    private HubConnection? _connection;

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

    /// <summary>Connects to <paramref name="tracker"/> (a new process after a crash) and catches up from the last position seen.</summary>
    public async Task ConnectAsync(TrackerProcess tracker, string token)
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(tracker.BaseAddress, "/hubs/status"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        _connection.On<JsonElement>("ViewChanged", Apply);
        await _connection.StartAsync();

        var since = LastPosition;
        while (true)
        {
            var page = await _connection.InvokeAsync<JsonElement>("CatchUp", since);
            foreach (var change in page.GetProperty("changes").EnumerateArray())
            {
                Apply(change);
            }

            since = page.GetProperty("next").GetInt64();
            lock (_gate)
            {
                LastPosition = Math.Max(LastPosition, since);
            }

            if (!page.GetProperty("hasMore").GetBoolean())
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
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
            LastPosition = Math.Max(LastPosition, position);
            if (_documents.TryGetValue((view, key), out var known) && known.Position > position)
            {
                return;
            }

            // A removal is kept (with no data) so that an older copy arriving later cannot bring the document back.
            _documents[(view, key)] = (position, data);
        }
    }
}
