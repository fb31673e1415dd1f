namespace Collaboration.Cli.Commands;

// Progress<T> posts to the thread pool and could report after the work finished; this reports in line.
internal sealed class InlineProgress(Action<long> report) : IProgress<long>
{
    public void Report(long value) => report(value);
}
