namespace Collaboration.Projections.Running;

/// <summary>Reads and writes the documents of one projection; each written document records the current position.</summary>
public interface IViewWriter
{
    ValueTask<T?> GetAsync<T>(string key, CancellationToken ct) where T : class;

    ValueTask PutAsync<T>(string key, T document, ViewScope scope, CancellationToken ct) where T : class;

    /// <summary>
    /// Puts the document <paramref name="build"/> makes, built only when the document is next written or read: a
    /// document that changes on every event of a batch (a commitment's detail while it reports) is then built once
    /// per write instead of once per event. <paramref name="build"/> must capture what it needs (immutable states).
    /// </summary>
    ValueTask PutDeferredAsync<T>(string key, Func<T> build, Func<T, ViewScope> scope, CancellationToken ct) where T : class;

    /// <summary>
    /// Sets one part of a document (one commitment's line in its memorandum's progress): <paramref name="change"/>
    /// replaces whatever the part held. Only the latest change per part is kept until the document is next written
    /// or read, then the pending changes are applied to it; changes to different parts must therefore commute.
    /// </summary>
    ValueTask PatchAsync<T>(string key, string part, Func<T?, T> change, Func<T, ViewScope> scope, CancellationToken ct) where T : class;

    /// <summary>
    /// Lists the event being applied in this view's feed (the activity feed), visible to <paramref name="scope"/>. A
    /// feed has an entry per listed event, so it stores only the position and the scope; entries are rendered from
    /// the log (<see cref="FeedEntry"/>).
    /// </summary>
    ValueTask AddToFeedAsync(ViewScope scope, CancellationToken ct);

    /// <summary>Removes a document, leaving a tombstone so clients catching up learn about the removal.</summary>
    ValueTask DeleteAsync(string key, CancellationToken ct);
}
