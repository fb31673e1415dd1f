using System.Globalization;

namespace Collaboration.EventStore;

/// <summary>
/// The optimistic-concurrency condition of an append: the stream must not exist, must exist, may be in any
/// state, or must be exactly at a 0-based revision (the first event of a stream is revision 0).
/// </summary>
public readonly record struct ExpectedRevision
{
    // Kind is the first field so that default(ExpectedRevision) means Any rather than Exactly(0).
    private readonly ExpectedRevisionKind kind;
    private readonly long revision;

    private ExpectedRevision(ExpectedRevisionKind kind, long revision)
    {
        this.kind = kind;
        this.revision = revision;
    }

    /// <summary>The append succeeds whatever the state of the stream.</summary>
    public static ExpectedRevision Any => new(ExpectedRevisionKind.Any, 0);

    /// <summary>The append succeeds only if the stream has no events yet.</summary>
    public static ExpectedRevision NoStream => new(ExpectedRevisionKind.NoStream, 0);

    /// <summary>The append succeeds only if the stream already has at least one event.</summary>
    public static ExpectedRevision StreamExists => new(ExpectedRevisionKind.StreamExists, 0);

    /// <summary>The append succeeds only if the last event of the stream has this 0-based revision.</summary>
    public static ExpectedRevision Exactly(long revision)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(revision);
        return new(ExpectedRevisionKind.Exactly, revision);
    }

    /// <summary>Which condition this is.</summary>
    public ExpectedRevisionKind Kind => kind;

    /// <summary>The expected revision when <see cref="Kind"/> is <see cref="ExpectedRevisionKind.Exactly"/>; otherwise null.</summary>
    public long? Revision => kind == ExpectedRevisionKind.Exactly ? revision : null;

    /// <summary>Whether a stream whose last revision is <paramref name="actualRevision"/> (null = no stream) satisfies the condition.</summary>
    public bool IsSatisfiedBy(long? actualRevision) => kind switch
    {
        ExpectedRevisionKind.Any => true,
        ExpectedRevisionKind.NoStream => actualRevision is null,
        ExpectedRevisionKind.StreamExists => actualRevision is not null,
        _ => actualRevision == revision,
    };

    /// <inheritdoc />
    public override string ToString() => kind switch
    {
        ExpectedRevisionKind.Any => "any",
        ExpectedRevisionKind.NoStream => "no stream",
        ExpectedRevisionKind.StreamExists => "stream exists",
        _ => "revision " + revision.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>The kinds of <see cref="ExpectedRevision"/>.</summary>
public enum ExpectedRevisionKind
{
    /// <summary>No condition.</summary>
    Any = 0,

    /// <summary>The stream must not exist.</summary>
    NoStream = 1,

    /// <summary>The stream must exist.</summary>
    StreamExists = 2,

    /// <summary>The stream must be at an exact revision.</summary>
    Exactly = 3,
}
