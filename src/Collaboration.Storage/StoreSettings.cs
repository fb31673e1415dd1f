using Microsoft.Extensions.Configuration;

namespace Collaboration.Storage;

/// <summary>
/// Which backend holds the log and the read models, read from configuration: <c>Store:Provider</c> (<c>Sqlite</c>, the
/// default, or <c>Postgres</c>), <c>Store:Sqlite:Path</c> (default <c>data/collaboration.db</c> under the content root)
/// and <c>ConnectionStrings:Postgres</c>. The SQLite path is resolved either way: the files kept beside the log (keys,
/// signing key) default to it.
/// </summary>
public sealed record StoreSettings(StoreProvider Provider, string SqlitePath, string? PostgresConnectionString)
{
    public const string ProviderKey = "Store:Provider";
    public const string SqlitePathKey = "Store:Sqlite:Path";
    public const string SqliteBusyTimeoutKey = "Store:Sqlite:BusyTimeout";
    public const string PostgresConnectionName = "Postgres";

    /// <summary>A SQLite file (the CLI's <c>--db</c>).</summary>
    public static StoreSettings Sqlite(string path) => new(StoreProvider.Sqlite, Path.GetFullPath(path), null);

    /// <summary>A PostgreSQL database.</summary>
    public static StoreSettings Postgres(string connectionString, string sqlitePath) => new(StoreProvider.Postgres, Path.GetFullPath(sqlitePath), connectionString);

    /// <summary>
    /// What an operator names on the command line: a PostgreSQL connection string (it names a <c>Host</c> or
    /// <c>Server</c>, e.g. <c>Host=db;Database=collaboration;Username=collab</c>) or else the path of a SQLite file.
    /// </summary>
    public static StoreSettings FromTarget(string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        return IsConnectionString(target)
            ? new StoreSettings(StoreProvider.Postgres, Path.GetFullPath(Path.Combine("data", "collaboration.db")), target)
            : Sqlite(target);
    }

    /// <summary>True when <paramref name="target"/> is a PostgreSQL connection string rather than a file path.</summary>
    public static bool IsConnectionString(string target) =>
        target.Contains('=', StringComparison.Ordinal)
        && target.Split(';').Select(part => part.Split('=', 2)[0].Trim())
            .Any(key => key.Equals("Host", StringComparison.OrdinalIgnoreCase) || key.Equals("Server", StringComparison.OrdinalIgnoreCase));

    /// <exception cref="InvalidOperationException">An unknown provider, or Postgres without a connection string.</exception>
    public static StoreSettings FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(contentRoot);
        var path = configuration[SqlitePathKey] is { Length: > 0 } configured ? configured : Path.Combine("data", "collaboration.db");
        path = Path.GetFullPath(path, contentRoot);
        var provider = configuration[ProviderKey] switch
        {
            null or "" => StoreProvider.Sqlite,
            var name when Enum.TryParse<StoreProvider>(name, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) => parsed,
            var name => throw new InvalidOperationException($"{ProviderKey} is '{name}'; expected {StoreProvider.Sqlite} or {StoreProvider.Postgres}."),
        };
        if (provider == StoreProvider.Sqlite)
        {
            return new StoreSettings(StoreProvider.Sqlite, path, null)
            {
                SqliteBusyTimeout = configuration[SqliteBusyTimeoutKey] is { Length: > 0 } timeout
                    ? TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture)
                    : TimeSpan.FromSeconds(30),
            };
        }

        var connectionString = configuration.GetConnectionString(PostgresConnectionName);
        return string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException($"{ProviderKey} is {StoreProvider.Postgres}, but ConnectionStrings:{PostgresConnectionName} is not set.")
            : new StoreSettings(StoreProvider.Postgres, path, connectionString);
    }

    /// <summary>How long a SQLite write waits for another process's lock before it is answered 503 (ADR 0017).</summary>
    public TimeSpan SqliteBusyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Never prints a password.</summary>
    public override string ToString() => Provider == StoreProvider.Sqlite ? $"SQLite at {SqlitePath}" : "PostgreSQL";
}
