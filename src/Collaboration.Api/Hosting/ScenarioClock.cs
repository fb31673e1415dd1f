namespace Collaboration.Api.Hosting;

/// <summary>
/// The system clock, which demo seeding may pin to the moments of the scenario's story so the log records them
/// (signing on the memorandum's date, reports over the months) and "as of" tells that story. Registered only for
/// <c>--demo</c> and in Development; a production tracker gets the plain system clock, so nothing there can backdate
/// the log. Pins only move forward and the seeder runs before the host serves anything.
/// </summary>
public sealed class ScenarioClock(TimeProvider inner) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _pinned;
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    public bool IsPinned
    {
        get
        {
            lock (_gate)
            {
                return _pinned is not null;
            }
        }
    }

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _pinned ?? inner.GetUtcNow();
        }
    }

    /// <summary>Pins the clock to <paramref name="moment"/>, or to the last pin if that is later (the log's times never go back).</summary>
    public void Pin(DateTimeOffset moment)
    {
        lock (_gate)
        {
            if (moment > inner.GetUtcNow())
            {
                throw new ArgumentOutOfRangeException(nameof(moment), moment, "A scenario moment cannot lie in the future.");
            }

            _last = moment > _last ? moment.ToUniversalTime() : _last;
            _pinned = _last;
        }
    }

    /// <summary>Lets the clock run with the system again.</summary>
    public void Release()
    {
        lock (_gate)
        {
            _pinned = null;
        }
    }
}
