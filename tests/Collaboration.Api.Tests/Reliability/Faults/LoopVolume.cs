using System.Diagnostics;

namespace Collaboration.Api.Tests.Reliability.Faults;

/// <summary>
/// A small ext4 file system on a loop device, mounted under the temp directory, so that "disk full" and "read-only
/// file" are real kernel answers (ENOSPC, EPERM) and not simulations. Needs root, <c>mkfs.ext4</c> and loop devices;
/// <see cref="SkipReason"/> says which one is missing otherwise.
/// </summary>
public sealed class LoopVolume : IDisposable
{
    private const string FillerName = "filler";

    private readonly string _image;
    private bool _disposed;

    private LoopVolume(string image, string mountPoint)
    {
        _image = image;
        MountPoint = mountPoint;
    }

    public string MountPoint { get; }

    public string? SkipReason { get; private init; }

    public static LoopVolume Create(int megabytes)
    {
        var root = Directory.CreateTempSubdirectory("collaboration-faults-").FullName;
        var image = Path.Combine(root, "volume.img");
        var mountPoint = Path.Combine(root, "mnt");
        Directory.CreateDirectory(mountPoint);
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            return new LoopVolume(image, mountPoint) { SkipReason = "fault tests mount a loop device: they need Linux and root" };
        }

        using (var stream = File.Create(image))
        {
            stream.SetLength(megabytes * 1024L * 1024L);
        }

        var failure = Run("mkfs.ext4", "-q", "-F", image) ?? Run("mount", "-o", "loop", image, mountPoint);
        return new LoopVolume(image, mountPoint) { SkipReason = failure is null ? null : $"cannot mount a loop ext4 volume here: {failure}" };
    }

    /// <summary>Fills the volume until writing fails with ENOSPC: the next page SQLite needs has nowhere to go.</summary>
    public void Fill()
    {
        var filler = Path.Combine(MountPoint, FillerName);
        var chunk = new byte[64 * 1024];
        using var stream = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
        try
        {
            while (true)
            {
                stream.Write(chunk);
                stream.Flush(flushToDisk: true);
            }
        }
        catch (IOException)
        {
            // ENOSPC: full.
        }
    }

    public void Free() => File.Delete(Path.Combine(MountPoint, FillerName));

    /// <summary>
    /// Makes files unwritable even for root and even through descriptors already open (ext4's immutable flag), which is
    /// what a read-only database file means to a process that holds it open.
    /// </summary>
    public static void SetImmutable(bool immutable, params string[] files)
    {
        foreach (var file in files.Where(File.Exists))
        {
            Run("chattr", immutable ? "+i" : "-i", file).Should().BeNull();
        }
    }

    public void Dispose()
    {
        // The app factory is disposed both ways (Dispose and DisposeAsync); the volume goes once.
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (SkipReason is null)
        {
            foreach (var file in Directory.EnumerateFiles(MountPoint))
            {
                Run("chattr", "-i", file);
            }

            // The app may still hold files open for a moment after disposal; a lazy unmount lets go when they close.
            Run("umount", "-l", MountPoint);
        }

        try
        {
            Directory.Delete(Path.GetDirectoryName(_image)!, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
        catch (UnauthorizedAccessException)
        {
            // Left for the OS temp cleaner.
        }
    }

    /// <returns>Null on success, otherwise what went wrong.</returns>
    private static string? Run(string file, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? null : $"{file} exited {process.ExitCode}: {error.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"{file}: {e.Message}";
        }
    }
}
