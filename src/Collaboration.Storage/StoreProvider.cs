namespace Collaboration.Storage;

/// <summary>Where the log and the read models live.</summary>
public enum StoreProvider
{
    /// <summary>One embedded SQLite file: the log and the read models side by side (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database, for several app nodes on one database.</summary>
    Postgres,
}
