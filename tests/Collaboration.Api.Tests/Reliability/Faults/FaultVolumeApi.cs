using Collaboration.Api.Tests.Fixtures;

namespace Collaboration.Api.Tests.Reliability.Faults;

/// <summary>The app with its log, key file and signing key on a 24 MiB loop-mounted ext4 volume.</summary>
public sealed class FaultVolumeApi : ApiFactory
{
    public FaultVolumeApi()
    {
        Volume = LoopVolume.Create(megabytes: 24);
    }

    public LoopVolume Volume { get; }

    public string LogPath => Path.Combine(Volume.MountPoint, "collaboration.db");

    public string KeysPath => LogPath + ".keys.db";

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        .. base.Settings,
        new("Store:Sqlite:Path", LogPath),
        // Another process's lock is waited for this long before the write is refused (the default is 30 s).
        new("Store:Sqlite:BusyTimeout", "00:00:02"),
    ];

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Volume.Dispose();
        }
    }
}
