using Collaboration.EventStore;

namespace Collaboration.Cli.Migration;

/// <summary>What a migration did: refused the target, failed verification, or done with the target's head.</summary>
internal sealed record MigrationResult(bool Succeeded, bool WasRefused, long Copied, ChainHead Head, long Keys, string? Problem)
{
    public static MigrationResult Refused(string why) => new(false, true, 0, default, 0, why);

    public static MigrationResult Failed(long copied, string why) => new(false, false, copied, default, 0, why);

    public static MigrationResult Done(long copied, ChainHead head, long keys) => new(true, false, copied, head, keys, null);
}
