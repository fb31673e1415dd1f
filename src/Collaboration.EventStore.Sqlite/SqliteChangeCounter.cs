using System.IO.MemoryMappedFiles;
using Microsoft.Extensions.Logging;

namespace Collaboration.EventStore.Sqlite;

/// <summary>
/// A 64-bit counter in a small file beside the database (<c>&lt;database&gt;-changes</c>), mapped into the memory of
/// every process that opens the store. Each of them bumps it after every commit to the log and before acknowledging
/// it, so a process that saw the counter at a value, and read the head after that, knows the head is unchanged for
/// as long as the counter is (ADR 0032): reading the head again needs no SQLite read transaction, whose shared-memory
/// lock took <c>fcntl</c> calls and a contended mutex per <c>GET</c>.
/// </summary>
/// <remarks>
/// The file holds no data of the log: deleting it while no process has the store open loses nothing (the next open
/// starts it again at zero); a backup need not include it. A process that cannot map it (a read-only directory) reads
/// the head from SQLite every time.
/// </remarks>
internal sealed unsafe partial class SqliteChangeCounter : IDisposable
{
    private const long Size = sizeof(long);

    private readonly MemoryMappedFile file;
    private readonly MemoryMappedViewAccessor view;
    private readonly long* counter;
    private int disposed;

    private SqliteChangeCounter(MemoryMappedFile file, MemoryMappedViewAccessor view)
    {
        this.file = file;
        this.view = view;
        byte* start = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        counter = (long*)(start + view.PointerOffset);
    }

    /// <summary>The file beside <paramref name="databasePath"/> that holds the counter.</summary>
    public static string PathFor(string databasePath) => databasePath + "-changes";

    /// <summary>Maps the counter beside <paramref name="databasePath"/>, creating it at zero; null when it cannot be.</summary>
    public static SqliteChangeCounter? TryOpen(string databasePath, ILogger logger)
    {
        var path = PathFor(databasePath);
        FileStream? stream = null;
        MemoryMappedFile? file = null;
        try
        {
            // Shared with every other process of the store; the mapping, not this stream, is what they share.
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            file = MemoryMappedFile.CreateFromFile(stream, mapName: null, Size, MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: false);
            stream = null;
            return new SqliteChangeCounter(file, file.CreateViewAccessor(0, Size, MemoryMappedFileAccess.ReadWrite));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            file?.Dispose();
            stream?.Dispose();
            LogUnavailable(logger, e, path);
            return null;
        }
    }

    /// <summary>The counter now; it changes with every commit any process acknowledged since it was last read.</summary>
    /// <exception cref="ObjectDisposedException">The store was closed.</exception>
    public long Read()
    {
        // A reference on the view for the read: a store closed meanwhile unmaps it only after this, never under it.
        var handle = view.SafeMemoryMappedViewHandle;
        var added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            return Volatile.Read(ref *counter);
        }
        finally
        {
            handle.DangerousRelease();
        }
    }

    /// <summary>Called after a commit and before acknowledging it.</summary>
    public void Bump()
    {
        var handle = view.SafeMemoryMappedViewHandle;
        var added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            Interlocked.Increment(ref *counter);
        }
        finally
        {
            handle.DangerousRelease();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        view.SafeMemoryMappedViewHandle.ReleasePointer();
        view.Dispose();
        file.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The change counter {Path} cannot be mapped; the log's head is read from the database on every request.")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string path);
}
