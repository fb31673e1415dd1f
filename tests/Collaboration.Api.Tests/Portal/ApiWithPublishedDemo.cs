using Collaboration.Api.Modules;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.EventStore;
using Collaboration.Projections.Running;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Portal;

/// <summary>
/// The demo scenario (its memorandum and one observer answer published by the office) plus a memorandum the office
/// drafted and never published, with every read model caught up.
/// </summary>
public sealed class ApiWithPublishedDemo : ApiFactory, IAsyncLifetime
{
    public const string PublishedTopic = "English guidance for work permits";

    /// <summary>Answered but not published (demo item c2).</summary>
    public const string UnpublishedTopic = "Bilingual signage at the reception room";

    public const string UnpublishedTitle = "Unpublished memorandum on talent apartments P7Q2";

    public Guid UnpublishedMemorandum { get; private set; }

    public async Task InitializeAsync()
    {
        await DemoData.SeedAsync(Services, CancellationToken.None);
        var draft = await Office().PostAsync("/api/v1/memoranda", ApiJson.Body(new
        {
            title = new { zh = "未公开的人才公寓备忘录", en = UnpublishedTitle },
            purpose = new { zh = "测试", en = "Testing" },
            focusAreas = new[] { "HighLevelTalentServices" },
            termStart = new DateOnly(2026, 1, 1),
            termEnd = new DateOnly(2028, 12, 31),
        }));
        UnpublishedMemorandum = await draft.EnsureSuccessStatusCode().CreatedIdAsync();
        await CaughtUpAsync();
    }

    public async Task CaughtUpAsync()
    {
        var head = await Services.GetRequiredService<IEventStore>().ReadHeadPositionAsync();
        await Services.GetRequiredService<ProjectionRunner>().WaitForAsync(head).WaitAsync(TimeSpan.FromSeconds(30));
    }

    Task IAsyncLifetime.DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }
}
