namespace Collaboration.EventStore.Postgres;

/// <summary>Counters of one node's group-commit writer since the store was opened.</summary>
/// <param name="Commits">Transactions committed (each one durable commit).</param>
/// <param name="Appends">Appends those transactions carried, including refused and replayed ones.</param>
public readonly record struct PostgresCommitStatistics(long Commits, long Appends)
{
    /// <summary>Average appends per commit; how well concurrent callers share commits.</summary>
    public double AppendsPerCommit => Commits == 0 ? 0 : (double)Appends / Commits;
}
