using Collaboration.Api.Hosting;
using Collaboration.Audit.Checkpoints;
using Collaboration.Audit.Privacy;
using Collaboration.Audit.Sqlite;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using Collaboration.EventStore;
using Collaboration.EventStore.Sqlite;

namespace Collaboration.Api.Tests.Audit;

/// <summary>A fresh SQLite log with its key file and audit signing key in a temp folder, wired as the app wires them.</summary>
public sealed class AuditStore : IAsyncDisposable
{
    private AuditStore(string directory, TimeProvider time)
    {
        Directory = directory;
        Keys = new SqlitePersonalKeyStore(SqlitePersonalKeyStore.DefaultPathFor(DatabasePath));
        Signer = new CheckpointSigner(CheckpointSigner.DefaultPathFor(DatabasePath));
        Serializer = new EventSerializer(DomainEventTypes.CreateRegistry(PersonalDataConverter.All(Keys)));
        Store = new SqliteEventStore(new SqliteEventStoreOptions { Path = DatabasePath }, time);
        Eraser = new PersonalDataEraser(Store, Serializer, Keys, time);
    }

    public string Directory { get; }

    public string DatabasePath => Path.Combine(Directory, "log.db");

    public SqlitePersonalKeyStore Keys { get; }

    public CheckpointSigner Signer { get; }

    public EventSerializer Serializer { get; }

    public SqliteEventStore Store { get; }

    public PersonalDataEraser Eraser { get; }

    public static AuditStore Create(TimeProvider? time = null, string? directory = null)
    {
        var dir = directory ?? Path.Combine(Path.GetTempPath(), "collaboration-audit-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        return new AuditStore(dir, time ?? TimeProvider.System);
    }

    public async Task<AppendResult.Appended> AppendAsync(string stream, params object[] events)
    {
        var result = await Store.AppendAsync(stream, ExpectedRevision.Any, events.Select(e => Serializer.ToEventToAppend(e, new EventMetadata("office-1", "office"))).ToArray());
        return (AppendResult.Appended)result;
    }

    public static TalentCaseOpened CaseOpened(TalentCaseId id, PersonalDetails talent) => new(
        id, talent, "RO", TalentCategory.ForeignHighEndA, TalentService.WorkPermit, null,
        new DateOnly(2024, 9, 2), 5, new DateOnly(2024, 9, 9), "office-1", new DateTimeOffset(2024, 9, 2, 9, 0, 0, TimeSpan.FromHours(8)));

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        Keys.Dispose();
        Signer.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled connection may still hold a file; the temp cleaner takes it.
        }
    }
}
