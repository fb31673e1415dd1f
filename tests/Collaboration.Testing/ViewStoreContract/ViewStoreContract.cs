using System.Text;
using Collaboration.EventStore;
using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Collaboration.Testing.ViewStoreContract;

/// <summary>
/// The behaviour every <see cref="IViewStore"/> must have, written once and closed once per implementation:
/// <c>public sealed class XViewStoreContract() : ViewStoreContract(new XViewStoreFixture());</c>. Each test class
/// instance gets fresh storage from its fixture. Facts are skippable: a fixture without its server skips them.
/// </summary>
public abstract partial class ViewStoreContract(IViewStoreFixture fixture) : IAsyncLifetime
{
    protected const string View = "contract-view";

    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    protected static readonly EventSerializer Serializer = new(new EventTypeRegistry());

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2024, 9, 2, 1, 30, 15, TimeSpan.Zero).AddTicks(1_234_560));

    protected IEventStore Events { get; private set; } = null!;

    protected IViewStore Views { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Events = await fixture.OpenEventStoreAsync(Time);
        Views = await OpenAnotherAsync();
    }

    public async Task DisposeAsync() => await fixture.DisposeAsync();

    /// <summary>Another instance on the same storage, as another process would open it.</summary>
    protected async Task<IViewStore> OpenAnotherAsync()
    {
        var views = await fixture.OpenViewStoreAsync();
        await views.InitializeAsync();
        return views;
    }

    protected async Task<long> ActiveGenerationAsync(string projection = View) => (await Views.RegisterAsync(projection, 1)).Generation;

    /// <summary>Writes in one transaction and commits.</summary>
    protected async Task CommitAsync(Action<IViewTransaction> write, IViewStore? views = null)
    {
        await using var transaction = await (views ?? Views).BeginAsync();
        write(transaction);
        await transaction.CommitAsync(CancellationToken.None);
    }

    protected ProjectionRunner Runner(IViewStore? views = null, params IProjection[] projections) =>
        new(Events, views ?? Views, Serializer, projections.Length == 0 ? [new ContractCounting()] : projections);

    protected async Task<long> AppendAsync(int count)
    {
        var events = Enumerable.Range(0, count)
            .Select(i => new EventToAppend(Guid.NewGuid(), "contract.something-happened.v1", Encoding.UTF8.GetBytes($$"""{"n":{{i}}}"""), EventMetadata.Empty))
            .ToArray();
        var result = await Events.AppendAsync($"contract-{Guid.NewGuid():D}", ExpectedRevision.Any, events);
        return ((AppendResult.Appended)result).LastPosition;
    }

    protected static string Json(int n) => $$"""{"n":{{n}}}""";

    protected static FeedEntry Entry(long position, string stream = "memorandum-0193a000-0000-7000-8000-000000000001") =>
        FeedEntry.Of(position, new DateTimeOffset(2024, 9, 2, 1, 0, 0, TimeSpan.Zero).AddMinutes(position).AddTicks(1_230), "memoranda.memorandum-signed.v1", stream);

    protected async Task<ContractCounting.Count?> CountAsync(IViewStore? views = null) =>
        await (views ?? Views).GetAsync(ContractCounting.ViewName, "all") is { Json: { } json } ? ViewJson.Deserialize<ContractCounting.Count>(json) : null;
}
