using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Fixtures;

/// <summary>The app with every read of the view store counted: how many documents a request made the store hand back.</summary>
public sealed class ApiWithCountingViews : ApiFactory
{
    private long documents;
    private long tallies;

    /// <summary>Documents (feed entries included) returned by the view store since the app started.</summary>
    public long DocumentsRead => Interlocked.Read(ref documents);

    /// <summary>Tallies asked of the view store since the app started (each reads documents where they lie, handing back none).</summary>
    public long TalliesAsked => Interlocked.Read(ref tallies);

    /// <summary>Development, so that dashboard pages can be read signed in through the development form.</summary>
    protected override string EnvironmentName => "Development";

    protected override IEnumerable<KeyValuePair<string, string>> Settings => [.. base.Settings, new("Demo:SeedOnFirstRun", "false")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.AddSingleton<IViewReader>(sp => new CountingReader(sp.GetRequiredService<ProjectionRunner>().Views, this)));
    }

    private T Counted<T>(T result, int count)
    {
        Interlocked.Add(ref documents, count);
        return result;
    }

    private sealed class CountingReader(IViewReader inner, ApiWithCountingViews owner) : IViewReader
    {
        public async Task<StoredView?> GetAsync(string view, string key, CancellationToken ct = default)
        {
            var found = await inner.GetAsync(view, key, ct);
            return owner.Counted(found, found is null ? 0 : 1);
        }

        public async Task<IReadOnlyList<StoredView>> ListAsync(string view, IReadOnlySet<string>? audiences, CancellationToken ct = default)
        {
            var found = await inner.ListAsync(view, audiences, ct);
            return owner.Counted(found, found.Count);
        }

        public async Task<ViewPage> PageAsync(ViewPageQuery query, CancellationToken ct = default)
        {
            var page = await inner.PageAsync(query, ct);
            return owner.Counted(page, page.Items.Count);
        }

        // A count or a tally hands back no document.
        public Task<long> CountAsync(ViewPageQuery query, CancellationToken ct = default) => inner.CountAsync(query, ct);

        public Task<IReadOnlyDictionary<string, ViewTally>> TallyAsync(ViewPageQuery query, string? groupBy, IReadOnlyList<ViewSum> sums, CancellationToken ct = default)
        {
            Interlocked.Increment(ref owner.tallies);
            return inner.TallyAsync(query, groupBy, sums, ct);
        }

        public Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, ViewTally>>> TallyClassesAsync(
            ViewPageQuery query, IReadOnlyList<ViewClass> classes, string? groupBy, IReadOnlyList<ViewSum> sums, CancellationToken ct = default)
        {
            Interlocked.Increment(ref owner.tallies);
            return inner.TallyClassesAsync(query, classes, groupBy, sums, ct);
        }

        public async Task<IReadOnlyList<StoredView>> LatestAsync(string view, IReadOnlySet<string>? audiences, int limit, CancellationToken ct = default)
        {
            var found = await inner.LatestAsync(view, audiences, limit, ct);
            return owner.Counted(found, found.Count);
        }

        public async Task<StoredChanges> ChangedSinceAsync(long sincePosition, IReadOnlySet<string>? audiences, int maxRows, CancellationToken ct = default)
        {
            var changes = await inner.ChangedSinceAsync(sincePosition, audiences, maxRows, ct);
            return owner.Counted(changes, changes.Changes.Count);
        }
    }
}
