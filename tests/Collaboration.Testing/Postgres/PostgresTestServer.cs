using Npgsql;

using Xunit;

namespace Collaboration.Testing.Postgres;

/// <summary>
/// The PostgreSQL server the tests run against: the connection string in <c>COLLAB_TEST_POSTGRES</c> (e.g.
/// <c>Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres</c>, as printed by <c>deploy/postgres-local.sh</c>).
/// Without it the tests fail with a clear message in CI (<c>CI=true</c>); locally they are skipped with that message
/// (the contract suite's facts are skippable facts, skipped when the fixture opens).
/// </summary>
public static class PostgresTestServer
{
    public const string Variable = "COLLAB_TEST_POSTGRES";

    public static string? ConnectionString { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool IsCi { get; } = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string MissingMessage =>
        $"{Variable} is not set{(IsCi ? " (CI=true: the PostgreSQL tests must run in CI)" : "")}. Start a server with deploy/postgres-local.sh and " +
        $"export {Variable}=\"Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres\".";

    /// <summary>Why PostgreSQL facts are skipped here, or null when they run (a server is given, or this is CI, where they must fail instead).</summary>
    public static string? SkipReason => ConnectionString is null && !IsCi ? MissingMessage : null;

    public static string Require() => ConnectionString ?? throw new InvalidOperationException(MissingMessage);

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public static async Task<(string Name, string ConnectionString)> CreateDatabaseAsync()
    {
        var name = "collab_test_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(Admin()))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name};", admin);
            await create.ExecuteNonQueryAsync();
        }

        return (name, new NpgsqlConnectionStringBuilder(Require()) { Database = name }.ToString());
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing whatever is still connected to it.</summary>
    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(Admin());
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE);", admin);
        await drop.ExecuteNonQueryAsync();
    }

    // The maintenance database, whatever the variable names: CREATE/DROP DATABASE cannot run inside the target.
    private static string Admin() => new NpgsqlConnectionStringBuilder(Require()) { Database = "postgres", Pooling = false }.ToString();
}

/// <summary>A fact that needs the PostgreSQL server: skipped locally without one, failing in CI without one.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresTestServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
