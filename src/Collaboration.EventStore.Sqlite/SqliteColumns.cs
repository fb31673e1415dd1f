using System.Runtime.InteropServices;

namespace Collaboration.EventStore.Sqlite;

/// <summary>
/// Column getters of the current row, called on the statement's native pointer. SQLitePCLRaw's getters go through an
/// interface, a SafeHandle add-ref/release and, for a blob, a second call for its length: about 0.3 µs of every row
/// of $all. These are plain calls into the same e_sqlite3 library SQLitePCLRaw loaded, valid while the statement
/// (kept alive by its owner) sits on a row; the values are copied out before the next step.
/// </summary>
internal static class SqliteColumns
{
    private const string Library = "e_sqlite3";

    public static long Int64(nint statement, int column) => NativeMethods.sqlite3_column_int64(statement, column);

    /// <summary>The blob's length; call <see cref="CopyBlob"/> for the same column afterwards.</summary>
    public static int BlobLength(nint statement, int column, out nint bytes)
    {
        // SQLite's rule: ask for the pointer first, then the size, so that no conversion invalidates the pointer.
        bytes = NativeMethods.sqlite3_column_blob(statement, column);
        return NativeMethods.sqlite3_column_bytes(statement, column);
    }

    public static void CopyBlob(nint bytes, byte[] destination, int offset, int length)
    {
        // An empty blob comes back as a null pointer, which Marshal.Copy refuses even for zero bytes.
        if (length > 0)
        {
            Marshal.Copy(bytes, destination, offset, length);
        }
    }

    private static class NativeMethods
    {
        [DllImport(Library, ExactSpelling = true, CallingConvention = CallingConvention.Cdecl)]
        public static extern long sqlite3_column_int64(nint statement, int column);

        [DllImport(Library, ExactSpelling = true, CallingConvention = CallingConvention.Cdecl)]
        public static extern nint sqlite3_column_blob(nint statement, int column);

        [DllImport(Library, ExactSpelling = true, CallingConvention = CallingConvention.Cdecl)]
        public static extern int sqlite3_column_bytes(nint statement, int column);
    }
}
