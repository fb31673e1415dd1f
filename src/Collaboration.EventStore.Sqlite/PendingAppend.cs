namespace Collaboration.EventStore.Sqlite;

/// <summary>One caller's append waiting for the writer. Its outcome is only released after the commit.</summary>
internal sealed class PendingAppend(string stream, ExpectedRevision expected, IReadOnlyList<EventToAppend> events, CancellationToken ct)
{
    public string Stream { get; } = stream;

    public ExpectedRevision Expected { get; } = expected;

    public IReadOnlyList<EventToAppend> Events { get; } = events;

    public CancellationToken CancellationToken { get; } = ct;

    public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public AppendResult? Result { get; set; }

    public Exception? Error { get; set; }

    public bool Cancelled { get; set; }

    public void Reset()
    {
        Result = null;
        Error = null;
        Cancelled = false;
    }

    public void Complete()
    {
        if (Cancelled)
        {
            Completion.TrySetCanceled(CancellationToken);
        }
        else if (Error is not null)
        {
            Completion.TrySetException(Error);
        }
        else
        {
            Completion.TrySetResult(Result!);
        }
    }
}
