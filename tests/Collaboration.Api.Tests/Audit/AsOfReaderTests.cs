using Collaboration.Audit;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.Observers;
using Collaboration.EventStore;

namespace Collaboration.Api.Tests.Audit;

public sealed class AsOfReaderTests
{
    [Fact]
    public async Task an_observers_personal_details_read_as_erased_in_state_and_history_after_erasure()
    {
        await using var audit = AuditStore.Create();
        var observer = ObserverId.New();
        var robert = new PersonalDetails(PersonId.New(), "Robert Marin", "robert.marin@example.ro", "+40 700 000 001");
        var stream = ObserverDecider.StreamName(observer);
        await audit.AppendAsync(stream, new ObserverAppointed(observer, 2, robert, "RO", [ObserverRole.PublicObserver, ObserverRole.ForeignExperienceOfficer],
            new DateOnly(2024, 9, 1), new DateOnly(2026, 8, 31), "office-1", DateTimeOffset.UtcNow));
        var reader = new AsOfReader(audit.Store, audit.Serializer);
        (await reader.StateAsync(stream, Moment.Now))!.State!.ToJsonString().Should().Contain("Robert Marin");

        await audit.Eraser.EraseAsync(robert.Person, "End of term; observer asked for erasure", new EventMetadata("office-1", "office"));

        var state = (await reader.StateAsync(stream, Moment.Now))!.State!.ToJsonString();
        var history = string.Join('\n', await reader.HistoryAsync(stream).Select(s => System.Text.Json.JsonSerializer.Serialize(s, AuditJson.Options)).ToListAsync());
        state.Should().NotContain("Robert").And.NotContain("+40").And.Contain("[erased]").And.Contain("ForeignExperienceOfficer");
        history.Should().NotContain("Robert").And.Contain("[erased]");
        (await audit.Store.VerifyAsync()).IsValid.Should().BeTrue();
    }

    [Fact]
    public async Task a_memorandum_can_be_read_as_of_each_revision_and_diffed()
    {
        await using var audit = AuditStore.Create();
        var memorandum = MemorandumId.New();
        var stream = MemorandumDecider.StreamName(memorandum);
        await audit.AppendAsync(stream, new MemorandumDrafted(memorandum, new BilingualText("备忘录", "Memorandum"), new BilingualText("合作", "Cooperation"),
            [FocusArea.HighLevelTalentServices], new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31), DateTimeOffset.UtcNow));
        await audit.AppendAsync(stream, new MemorandumPartyAdded(memorandum, PartnerId.New(), PartyRole.PartnerOrganisation, new BilingualText("商会", "Chamber"), DateTimeOffset.UtcNow));
        var reader = new AsOfReader(audit.Store, audit.Serializer);

        var first = await reader.StateAsync(stream, new Moment(null, 0));
        var diff = await reader.DiffAsync(stream, new Moment(null, 0), Moment.Now);

        first!.Revision.Should().Be(0);
        first.State!["$state"]!.GetValue<string>().Should().Be("MemorandumDraft");
        diff!.Changes.Should().Contain(c => c.Path.StartsWith("$.parties[0]", StringComparison.Ordinal) && c.Before == null);
        (await reader.StateAsync("person-" + Guid.NewGuid(), Moment.Now)).Should().BeNull("no decider owns erasure records");
    }
}
