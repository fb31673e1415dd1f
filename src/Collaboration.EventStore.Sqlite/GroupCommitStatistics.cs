namespace Collaboration.EventStore.Sqlite;

/// <summary>Counters of the group-commit writer since the store was opened.</summary>
/// <param name="Commits">Transactions committed (each one fsync).</param>
/// <param name="Appends">Appends those transactions carried, including refused and replayed ones.</param>
public readonly record struct GroupCommitStatistics(long Commits, long Appends)
{
    /// <summary>Average appends per commit; how well concurrent callers share fsyncs.</summary>
    public double AppendsPerCommit => Commits == 0 ? 0 : (double)Appends / Commits;
}
