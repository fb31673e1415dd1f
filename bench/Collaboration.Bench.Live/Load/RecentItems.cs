namespace Collaboration.Bench.Live.Load;

/// <summary>
/// The last <see cref="Capacity"/> items added, in a fixed array: what the day's readers pick from (a case or a piece of
/// feedback opened lately). A list of every one grew the driver's share of the measured process's heap through the day.
/// </summary>
internal sealed class RecentItems<T>
{
    public const int Capacity = 4_096;

    private readonly T[] items = new T[Capacity];
    private readonly Lock gate = new();
    private long added;

    public void Add(T item)
    {
        lock (gate)
        {
            items[added % Capacity] = item;
            added++;
        }
    }

    /// <summary>The <paramref name="n"/>-th of the items held, counting round; false while none has been added.</summary>
    public bool TryPick(long n, out T item)
    {
        lock (gate)
        {
            var held = (int)Math.Min(added, Capacity);
            item = held == 0 ? default! : items[(int)(n % held)];
            return held > 0;
        }
    }
}
