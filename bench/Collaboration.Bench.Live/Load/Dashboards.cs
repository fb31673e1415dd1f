using System.Runtime.InteropServices;
using Collaboration.Api.Live;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collaboration.Bench.Live.Load;

/// <summary>
/// The connected dashboards: a fifth office staff, three quarters partner staff (spread over the ten partners), the rest
/// observers, each a SignalR client on <c>/hubs/status</c> with its role's token, counting what it receives. The last
/// office dashboard to connect is the tracked one: its receipts (view, key, <see cref="SharedClock"/> time) go to the
/// push tracker, directly or through the child process's output.
/// </summary>
internal sealed class Dashboards : IDashboards
{
    private readonly List<HubConnection> connections = [];
    private long received;
    private long bytes;

    public long Received => Interlocked.Read(ref received);

    public long Bytes => Interlocked.Read(ref bytes);

    public int Count => connections.Count;

    /// <summary>Each dashboard's token, in connection order reversed (index 0, an office one, is the tracked one).</summary>
    public static string[] TokensFor(District district, int count)
    {
        ArgumentNullException.ThrowIfNull(district);
        var office = Math.Max(1, count / 5);
        var observers = Math.Min(count - office, Math.Max(0, count / 20));
        return [.. Enumerable.Range(0, count).Select(i =>
            i < office ? district.Office.Token
            : i < office + observers ? district.Observers[i % district.Observers.Count].Actor.Token
            : district.Partners[i % district.Partners.Count].Actor.Token)];
    }

    public static Task<Dashboards> ConnectAsync(Uri address, District district, int count, PushTracker push) =>
        ConnectAsync(address, TokensFor(district, count), push.Received);

    public static async Task<Dashboards> ConnectAsync(Uri address, string[] tokens, Action<string, string, long> tracked)
    {
        var dashboards = new Dashboards();
        foreach (var chunk in Enumerable.Range(0, tokens.Length).Reverse().Chunk(25))
        {
            // Reversed, so office dashboard 0 connects last: the tracked one is the last of the office group to join.
            var started = await Task.WhenAll(chunk.Select(i => dashboards.ConnectOneAsync(address, tokens[i], i == 0 ? tracked : null)));
            dashboards.connections.AddRange(started);
        }

        return dashboards;
    }

    private async Task<HubConnection> ConnectOneAsync(Uri address, string token, Action<string, string, long>? tracked)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(address, StatusHubContract.Path.TrimStart('/')), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        void Receive(ViewChange change)
        {
            var arrived = SharedClock.Now;
            Interlocked.Increment(ref received);
            Interlocked.Add(ref bytes, JsonMarshal.GetRawUtf8Value(change.Data).Length);
            tracked?.Invoke(change.View, change.Key, arrived);
        }

        connection.On<ViewChange>(StatusHubContract.ViewChanged, Receive);
        await connection.StartAsync();
        return connection;
    }

    public async ValueTask DisposeAsync() => await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
}
