using Collaboration.Projections.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Collaboration.Projections.Sqlite;

/// <summary>
/// Reads stored documents while a batch is applied, outside any write transaction: only this runner writes its
/// generations, so committed documents are current, and the database's write lock is taken only for the short
/// flush and commit at the end of the batch (<see cref="ViewTransaction"/>). The connection opens on the first read;
/// most live batches read nothing.
/// </summary>
internal sealed class ViewReads(Func<SqliteConnection> open) : IViewDocumentReads
{
    private SqliteConnection? connection;
    private sqlite3_stmt? select;

    public ValueTask<StoredDocument?> ReadAsync(string projection, long generation, string key, CancellationToken ct)
    {
        if (select is null)
        {
            connection = open();
            select = ViewTransaction.Prepare(connection, ViewTransaction.SelectDocument);
        }

        return ValueTask.FromResult(ViewTransaction.Read(connection!, select, projection, generation, key));
    }

    public async ValueTask DisposeAsync()
    {
        select?.Dispose();
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }
}
