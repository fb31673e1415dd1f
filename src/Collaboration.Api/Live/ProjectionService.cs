using Collaboration.Api.Cluster;
using Collaboration.Projections.Running;

namespace Collaboration.Api.Live;

/// <summary>
/// Runs every projection while this node leads (<see cref="ILeaderGate"/>; always, on one SQLite node): catch up, then
/// follow the log (and rebuild changed ones beside). Each time it starts leading it reloads the committed checkpoints,
/// since another node may have advanced them meanwhile, asks every hub client to catch up from its resume position, and
/// pushes the last batch's changes again (for this node's dashboards): a leader that died
/// between its commit and its push left them unpushed, and hub clients connected to the surviving nodes do not catch up.
/// </summary>
public sealed class ProjectionService(ProjectionRunner runner, ViewChangeFeed feed, ILeaderGate gate, ILogger<ProjectionService> logger)
    : LeaderBackgroundService(gate, logger)
{
    private bool ranBefore;

    protected override async Task RunWhileLeadingAsync(CancellationToken leading)
    {
        if (ranBefore)
        {
            await runner.ReloadAsync(leading);
        }
        else
        {
            await runner.StartAsync(leading);
        }

        ranBefore = true;
        await PushLastBatchAgainAsync(leading);
        // Hub clients keep their own resume position, which may lie further back than one batch (a projection that sat
        // out, pushes still in flight when the previous leader died): they catch up from it rather than rely on a guess.
        await feed.AskClientsToCatchUpAsync();
        await runner.RunAsync(leading);
    }

    /// <summary>
    /// A live batch spans at most <see cref="ProjectionRunner.MaxBatch"/> positions and is pushed right after its commit,
    /// so whatever a previous leader committed but did not push lies within that distance below the committed checkpoint.
    /// Pushing a change twice is harmless: clients apply changes idempotently by position.
    /// </summary>
    private async Task PushLastBatchAgainAsync(CancellationToken ct)
    {
        var through = runner.PublishedThrough;
        var since = Math.Max(0, through - ProjectionRunner.MaxBatch);
        while (since < through)
        {
            var page = await runner.Views.ChangedSinceAsync(since, null, 500, ct);
            var committed = page.Changes.Where(c => c.Position <= through).ToList();
            if (committed.Count > 0)
            {
                await feed.PublishAsync(committed, ct);
            }

            if (!page.HasMore || page.Next <= since)
            {
                return;
            }

            since = page.Next;
        }
    }
}
