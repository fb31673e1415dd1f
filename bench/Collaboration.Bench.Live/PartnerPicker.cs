namespace Collaboration.Bench.Live;

/// <summary>
/// Hands each command a partner with no command of the bench in flight, round robin, so commands do not race on one
/// stream (a write without If-Match that loses such a race is a 409, not a latency). Falls back to plain round robin
/// when every partner is busy, which only happens when the app is far behind.
/// </summary>
internal sealed class PartnerPicker(int count)
{
    private readonly int[] busy = new int[count];
    private int cursor = -1;

    public int Take()
    {
        for (var attempt = 0; attempt < count; attempt++)
        {
            var index = (int)((uint)Interlocked.Increment(ref cursor) % (uint)count);
            if (Interlocked.CompareExchange(ref busy[index], 1, 0) == 0)
            {
                return index;
            }
        }

        var fallback = (int)((uint)Interlocked.Increment(ref cursor) % (uint)count);
        Interlocked.Increment(ref busy[fallback]);
        return fallback;
    }

    public void Release(int index) => Interlocked.Decrement(ref busy[index]);
}
