using System.Runtime.InteropServices;
using SQLitePCL;

namespace Collaboration.EventStore.Sqlite;

/// <summary>
/// Column getters of a statement's current row. SQLitePCLRaw's getters go through an interface, a SafeHandle
/// add-ref/release and, for a blob, a second call for its length: about 0.3 µs of every row of $all. When SQLitePCLRaw
/// runs on the bundled e_sqlite3 library (Microsoft.Data.Sqlite's default), these call the same library directly on
/// the statement's pointer, which its owner keeps alive; under any other provider the statement may belong to another
/// SQLite build, so they go through SQLitePCLRaw as before. Values are copied out before the next step.
/// </summary>
internal readonly struct SqliteColumns
{
    private const string Library = "e_sqlite3";

    private static readonly bool Direct = string.Equals(raw.GetNativeLibraryName(), Library, StringComparison.Ordinal);

    private readonly sqlite3_stmt statement;
    private readonly nint handle;

    public SqliteColumns(sqlite3_stmt statement)
    {
        this.statement = statement;
        handle = Direct ? statement.DangerousGetHandle() : 0;
    }

    public long Int64(int column) =>
        Direct ? NativeMethods.sqlite3_column_int64(handle, column) : raw.sqlite3_column_int64(statement, column);

    /// <summary>The blob's length, and where <see cref="CopyBlob"/> of the same column finds its bytes.</summary>
    public int BlobLength(int column, out nint bytes)
    {
        if (!Direct)
        {
            bytes = 0;
            return raw.sqlite3_column_blob(statement, column).Length;
        }

        // SQLite's rule: ask for the pointer first, then the size, so that no conversion invalidates the pointer.
        bytes = NativeMethods.sqlite3_column_blob(handle, column);
        return NativeMethods.sqlite3_column_bytes(handle, column);
    }

    public void CopyBlob(int column, nint bytes, byte[] destination, int offset, int length)
    {
        if (!Direct)
        {
            raw.sqlite3_column_blob(statement, column).CopyTo(destination.AsSpan(offset, length));
        }
        else if (length > 0)
        {
            // An empty blob comes back as a null pointer, which Marshal.Copy refuses even for zero bytes.
            Marshal.Copy(bytes, destination, offset, length);
        }
    }

    // The getters only read the current row out of the statement (taking the connection's mutex, which no other
    // thread holds while this one steps it): short and never blocking, so the switch to preemptive mode and back
    // that a P/Invoke normally makes around the call (a good part of its cost, nine times a row) is left out.
    private static class NativeMethods
    {
        [DllImport(Library, ExactSpelling = true, CallingConvention = CallingConvention.Cdecl)]
        [SuppressGCTransition]
        public static extern long sqlite3_column_int64(nint statement, int column);

        [DllImport(Library, ExactSpelling = true, CallingConvention = CallingConvention.Cdecl)]
        [SuppressGCTransition]
        public static extern nint sqlite3_column_blob(nint statement, int column);

        [DllImport(Library, ExactSpelling = true, CallingConvention = CallingConvention.Cdecl)]
        [SuppressGCTransition]
        public static extern int sqlite3_column_bytes(nint statement, int column);
    }
}
