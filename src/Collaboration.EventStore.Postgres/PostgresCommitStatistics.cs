namespace Collaboration.EventStore.Postgres;

/// <summary>Counters of one node's group-commit writer since the store was opened.</summary>
/// <param name="Commits">Transactions committed (each one durable commit).</param>
/// <param name="Appends">Appends those transactions carried, including refused and replayed ones.</param>
/// <param name="CommitsInOneRoundTrip">
/// Commits written by one call of the append function, decided against what this node knew (ADR 0025); the others
/// took the position counter's lock first and looked the group up under it.
/// </param>
/// <param name="CommitsMoved">
/// Of those, the commits that landed behind other nodes' commits this node had not seen: the function moved the group
/// to the positions after theirs and recomputed its chain hashes.
/// </param>
public readonly record struct PostgresCommitStatistics(long Commits, long Appends, long CommitsInOneRoundTrip = 0, long CommitsMoved = 0)
{
    /// <summary>Average appends per commit; how well concurrent callers share commits.</summary>
    public double AppendsPerCommit => Commits == 0 ? 0 : (double)Appends / Commits;
}
