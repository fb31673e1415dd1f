namespace Collaboration.EventStore.Postgres;

/// <summary>Counters of one node's group-commit writer since the store was opened.</summary>
/// <param name="Commits">Transactions committed (each one durable commit).</param>
/// <param name="Appends">Appends those transactions carried, including refused and replayed ones.</param>
/// <param name="CommitsAlone">
/// Commits written in one round trip because no other node had written since this node's previous commit (ADR 0025);
/// the others took the position counter's lock first and looked the group up under it.
/// </param>
public readonly record struct PostgresCommitStatistics(long Commits, long Appends, long CommitsAlone = 0)
{
    /// <summary>Average appends per commit; how well concurrent callers share commits.</summary>
    public double AppendsPerCommit => Commits == 0 ? 0 : (double)Appends / Commits;
}
