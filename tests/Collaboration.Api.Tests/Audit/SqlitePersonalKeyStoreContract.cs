using Collaboration.Audit.Privacy;
using Collaboration.Audit.Sqlite;

namespace Collaboration.Api.Tests.Audit;

public sealed class SqlitePersonalKeyStoreContract : PersonalKeyStoreContract, IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("collaboration-keys-contract-").FullName;
    private readonly SqlitePersonalKeyStore keys;

    public SqlitePersonalKeyStoreContract() => keys = new SqlitePersonalKeyStore(Path.Combine(directory, "log.db.keys.db"));

    protected override IPersonalKeyStore Keys => keys;

    public void Dispose()
    {
        keys.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
