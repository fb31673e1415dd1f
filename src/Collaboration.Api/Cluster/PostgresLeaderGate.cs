using Collaboration.Projections.Postgres;
using Npgsql;

namespace Collaboration.Api.Cluster;

/// <summary>
/// Leadership by a session-level PostgreSQL advisory lock held on a connection of its own (not pooled, so closing it
/// ends the session): the node whose <c>pg_try_advisory_lock</c> succeeded leads until that session ends. The others
/// try again every <see cref="RetryInterval"/>. A leader's process that dies takes its session with it, so another node
/// leads within about a second; a leader checks its session every <see cref="RetryInterval"/> and steps down as soon as
/// it is gone (the database restarted, the connection was cut), since the lock went with it. Until it notices, its view
/// writes are fenced: each leadership advances the leader term first, and the view store refuses commits under an
/// older term (<see cref="PostgresLeaderTerm"/>).
/// </summary>
public sealed partial class PostgresLeaderGate(string connectionString, PostgresViewStore? views, TimeProvider time, ILogger<PostgresLeaderGate> logger)
    : BackgroundService, ILeaderGate
{
    /// <summary>The lock's name; advisory locks are per database, so each database has its own leader.</summary>
    public const string LockName = "collaboration.leader";

    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);

    private readonly Lock gate = new();
    private TaskCompletionSource<CancellationToken> term = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? leading;

    public bool IsLeader
    {
        get
        {
            lock (gate)
            {
                return leading is not null;
            }
        }
    }

    public Task<CancellationToken> AcquireAsync(CancellationToken ct)
    {
        lock (gate)
        {
            return term.Task.WaitAsync(ct);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lockConnection = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            ApplicationName = "collaboration-leader",
            Timeout = 5,
            CommandTimeout = 5,
            // A peer that vanished without closing (a cut cable) is noticed by the server through keepalives.
            KeepAlive = 5,
        }.ConnectionString;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(lockConnection);
                await connection.OpenAsync(stoppingToken);
                while (!await TryLockAsync(connection, stoppingToken))
                {
                    await Task.Delay(RetryInterval, time, stoppingToken);
                }

                // The term before the work: the next leader's projections load their checkpoints after this.
                var term = await PostgresLeaderTerm.AdvanceAsync(connection, stoppingToken);
                views?.FenceWith(term);
                Lead(term);
                while (true)
                {
                    await Task.Delay(RetryInterval, time, stoppingToken);
                    await using var alive = new NpgsqlCommand("SELECT 1", connection);
                    await alive.ExecuteScalarAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: disposing the connection above releases the lock for the next leader at once.
            }
#pragma warning disable CA1031 // Whatever ended the session, the lock went with it: step down and try again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogSessionLost(ex, IsLeader ? "leader" : "follower");
            }
            finally
            {
                StepDown();
            }

            try
            {
                await Task.Delay(RetryInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock(hashtext('{LockName}'))", connection);
        return await command.ExecuteScalarAsync(ct) is true;
    }

    private void Lead(long leaderTerm)
    {
        lock (gate)
        {
            leading = new CancellationTokenSource();
            term.TrySetResult(leading.Token);
        }

        LogLeading(leaderTerm);
    }

    private void StepDown()
    {
        CancellationTokenSource? ended;
        lock (gate)
        {
            ended = leading;
            leading = null;
            if (ended is not null)
            {
                // A new term first: work woken by the cancellation below waits for it, not for the ended one.
                term = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        if (ended is not null)
        {
            LogSteppedDown();
            // Not disposed: work may still be linking its own tokens to this one.
            ended.Cancel();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This node leads (term {Term}): it holds the cluster lock and runs the singleton work")]
    private partial void LogLeading(long term);

    [LoggerMessage(Level = LogLevel.Warning, Message = "This node no longer leads; the singleton work stops here")]
    private partial void LogSteppedDown();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cluster lock's session ended (this node was {Role}); trying again")]
    private partial void LogSessionLost(Exception ex, string role);
}
