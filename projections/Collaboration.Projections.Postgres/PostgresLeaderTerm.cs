using Npgsql;

namespace Collaboration.Projections.Postgres;

/// <summary>
/// The fencing token of a cluster's leadership: a counter in <c>leader_term</c> that a node advances as it starts to lead,
/// while holding the cluster lock. A node that lost the lock without noticing yet (its session ended a moment ago)
/// still has projection batches in flight; a view store fenced with its term (<see cref="PostgresViewStore.FenceWith"/>)
/// refuses their commits once the next leader advanced the term, so the next leader, which loads the checkpoints after
/// advancing it, never sees a batch land behind its back and apply twice.
/// </summary>
public static class PostgresLeaderTerm
{
    internal const string CurrentForShare = "SELECT term FROM leader_term WHERE id = 1 FOR SHARE";

    /// <summary>Advances the term and returns it. Call it on the connection that holds the cluster lock, right after taking it.</summary>
    public static async Task<long> AdvanceAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // The view schema's lock: the first node of a new database may get here before the schema is created.
        await using (var create = new NpgsqlCommand(
            """
            SELECT pg_advisory_xact_lock(hashtext('collaboration.view_schema'));
            CREATE TABLE IF NOT EXISTS leader_term (id smallint PRIMARY KEY CHECK (id = 1), term bigint NOT NULL);
            INSERT INTO leader_term (id, term) VALUES (1, 0) ON CONFLICT DO NOTHING;
            """,
            connection,
            transaction))
        {
            await create.ExecuteNonQueryAsync(ct);
        }

        await using var advance = new NpgsqlCommand("UPDATE leader_term SET term = term + 1 WHERE id = 1 RETURNING term", connection, transaction);
        var term = (long)(await advance.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException("The leader term was not advanced."));
        await transaction.CommitAsync(ct);
        return term;
    }
}
