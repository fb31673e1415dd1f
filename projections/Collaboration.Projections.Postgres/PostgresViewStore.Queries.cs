using System.Globalization;
using Collaboration.EventStore;
using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;
using Npgsql;

namespace Collaboration.Projections.Postgres;

// The query side: the active generation of every projection, the same answers as SQLite and in memory.
public sealed partial class PostgresViewStore
{
    private const string ActiveDocuments = """
        SELECT d.projection, d.key, d.position, d.scope, d.json FROM view_documents d
        JOIN projection_active a ON a.projection = d.projection AND a.generation = d.generation
        """;

    private const string ActiveFeed = """
        SELECT f.projection, f.position, f.scope, f.recorded_at, f.type, f.stream FROM view_feed f
        JOIN projection_active a ON a.projection = f.projection AND a.generation = f.generation
        """;

    public async Task<StoredView?> GetAsync(string view, string key, CancellationToken ct = default)
    {
        var found = await QueryAsync($"{ActiveDocuments} WHERE d.projection = $1 AND d.key = $2 AND d.json IS NOT NULL", ReadDocument, ct, view, key);
        if (found.Count == 0 && long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            // A feed entry's key is its position.
            found = await QueryAsync($"{ActiveFeed} WHERE f.projection = $1 AND f.position = $2", ReadFeedEntry, ct, view, position);
        }

        return found.Count == 0 ? null : found[0];
    }

    public async Task<IReadOnlyList<StoredView>> ListAsync(string view, IReadOnlySet<string>? audiences, CancellationToken ct = default)
    {
        var found = await QueryAsync($"{ActiveDocuments} WHERE d.projection = $1 AND d.json IS NOT NULL ORDER BY d.key", ReadDocument, ct, view);
        found.AddRange(await QueryAsync($"{ActiveFeed} WHERE f.projection = $1 ORDER BY f.position", ReadFeedEntry, ct, view));
        return [.. found.Where(d => d.Scope.IsVisibleTo(audiences))];
    }

    public Task<IReadOnlyList<StoredView>> LatestAsync(string view, IReadOnlySet<string>? audiences, int limit, CancellationToken ct = default) =>
        FeedPages.LatestVisibleAsync(
            (before, take) => QueryAsync($"{ActiveFeed} WHERE f.projection = $1 AND f.position < $2 ORDER BY f.position DESC LIMIT {take}", ReadFeedEntry, ct, view, before),
            audiences,
            limit);

    public async Task<StoredChanges> ChangedSinceAsync(long sincePosition, IReadOnlySet<string>? audiences, int maxRows, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);

        // One row more than a page from each source tells whether it was cut, and where. Feeds send only their newest
        // entries: older activity is history, not news.
        var floor = await FeedFloorAsync(ct);
        var found = await QueryAsync($"{ActiveDocuments} WHERE d.position > $1 ORDER BY d.position, d.projection, d.key LIMIT $2", ReadDocument, ct, sincePosition, maxRows + 1);
        var feeds = await QueryAsync($"{ActiveFeed} WHERE f.position > $1 AND f.position >= $2 ORDER BY f.position LIMIT $3", ReadFeedEntry, ct, sincePosition, floor, maxRows + 1);
        return await ChangePages.CutMergedAsync(found, feeds, sincePosition, audiences, maxRows, async position =>
        {
            var all = await QueryAsync($"{ActiveDocuments} WHERE d.position = $1 ORDER BY d.projection, d.key", ReadDocument, ct, position);
            all.AddRange(await QueryAsync($"{ActiveFeed} WHERE f.position = $1 AND f.position >= $2", ReadFeedEntry, ct, position, floor));
            return all;
        });
    }

    /// <summary>The oldest feed position a catch-up still sends: that of the <see cref="FeedLimits.CatchUpLimit"/>-th newest entry.</summary>
    private async Task<long> FeedFloorAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT f.position FROM view_feed f
            JOIN projection_active a ON a.projection = f.projection AND a.generation = f.generation
            ORDER BY f.position DESC LIMIT 1 OFFSET {FeedLimits.CatchUpLimit - 1}
            """);
        return await command.ExecuteScalarAsync(ct) is long position ? position : 0;
    }

    private async Task<List<StoredView>> QueryAsync(string sql, Func<NpgsqlDataReader, StoredView> read, CancellationToken ct, params object[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        var result = new List<StoredView>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(read(reader));
        }

        return result;
    }

    private static StoredView ReadDocument(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetInt64(2),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        ViewScope.Decode(reader.GetString(3)));

    private static StoredView ReadFeedEntry(NpgsqlDataReader reader)
    {
        var position = reader.GetInt64(1);
        var entry = FeedEntry.Of(position, EventHash.FromUnixMicroseconds(reader.GetInt64(3)), reader.GetString(4), reader.GetString(5));
        return new StoredView(reader.GetString(0), FeedEntry.KeyOf(position), position, ViewJson.Serialize(entry), ViewScope.Decode(reader.GetString(2)));
    }
}
