using System.Runtime.InteropServices;

namespace Collaboration.Api.Hosting;

/// <summary>
/// glibc's malloc, which holds SQLite's page caches and statements (ADR 0030). By default it opens up to eight arenas per
/// core and keeps what SQLite frees in them, so memory freed after a catch-up or a count over 100,000 rows stayed resident
/// in whichever arenas the pool's threads had used (40–55 MiB measured). Two arenas, and giving free pages back now and
/// then, bound that without touching SQLite's own cache sizes. Elsewhere than on glibc both are no-ops.
/// </summary>
public static class NativeHeap
{
    /// <summary>The arenas malloc may open, however many threads allocate: SQLite's allocations are short and rarely contended.</summary>
    public const int Arenas = 2;

    private const int ArenaMaxOption = -8; // M_ARENA_MAX in glibc's malloc.h

    private static bool unavailable = !OperatingSystem.IsLinux();

    /// <summary>Limits malloc's arenas; before the host starts its threads, since arenas already opened stay.</summary>
    public static bool LimitArenas() => Try(() => Mallopt(ArenaMaxOption, Arenas) == 1);

    /// <summary>
    /// Returns the free pages of every arena to the system (they stay reserved, not resident); false when this C library
    /// has no such call. Whether anything was freed is not told: a trim with nothing to give back is no failure.
    /// </summary>
    public static bool Trim() => Try(() =>
    {
        MallocTrim(0);
        return true;
    });

    // musl and other C libraries have neither entry point: the first miss turns both into no-ops.
    private static bool Try(Func<bool> call)
    {
        if (unavailable)
        {
            return false;
        }

        try
        {
            return call();
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            unavailable = true;
            return false;
        }
    }

    // DllImport rather than LibraryImport: the generated marshalling needs unsafe code, and two int calls need none.
    [DllImport("libc", EntryPoint = "mallopt")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Mallopt(int param, int value);

    [DllImport("libc", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}
