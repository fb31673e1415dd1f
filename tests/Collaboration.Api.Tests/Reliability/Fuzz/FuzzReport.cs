namespace Collaboration.Api.Tests.Reliability.Fuzz;

/// <summary>What a fuzz run sent and what broke an oracle.</summary>
public sealed record FuzzReport(
    int Seed,
    int Requests,
    int Operations,
    IReadOnlyDictionary<int, int> Statuses,
    int Accepted,
    IReadOnlyList<string> ServerErrors,
    IReadOnlyList<string> StateChanges,
    IReadOnlyList<string> Leaks,
    TimeSpan Elapsed)
{
    public string Summary =>
        $"seed {Seed}: {Requests} requests over {Operations} operations in {Elapsed.TotalSeconds:F1} s; " +
        $"statuses {string.Join(", ", Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}; " +
        $"{Accepted} writes accepted; {ServerErrors.Count} 5xx, {StateChanges.Count} rejected requests that moved the log, {Leaks.Count} leaks";
}
