namespace Collaboration.Audit.Export;

/// <summary>A clock that answers whatever the importer sets, so imported events keep their original timestamps.</summary>
public sealed class ReplayClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UnixEpoch;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
