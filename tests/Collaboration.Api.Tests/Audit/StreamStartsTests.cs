using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using Collaboration.EventStore;

namespace Collaboration.Api.Tests.Audit;

public sealed class StreamStartsTests
{
    [Fact]
    public async Task the_sqlite_index_range_gives_the_same_stream_starts_as_scanning_the_log()
    {
        await using var audit = AuditStore.Create();
        var ids = Enumerable.Range(0, 5).Select(_ => TalentCaseId.New()).ToList();
        foreach (var id in ids)
        {
            await audit.AppendAsync(TalentCaseDecider.StreamName(id), AuditStore.CaseOpened(id, new PersonalDetails(PersonId.New(), "T", null, null)));
            await audit.AppendAsync(TalentCaseDecider.StreamName(id), AuditStore.CaseOpened(id, new PersonalDetails(PersonId.New(), "T", null, null)));
        }

        await audit.Eraser.EraseAsync(PersonId.New(), "unrelated stream", EventMetadata.Empty);

        var indexed = await audit.Store.ReadStreamStartsAsync("talent-case-").Select(e => (e.Stream, e.Revision, e.Position)).ToListAsync();
        var scanned = await StreamStarts.ByScanning(audit.Store, "talent-case-").Select(e => (e.Stream, e.Revision, e.Position)).ToListAsync();

        indexed.Should().HaveCount(5).And.OnlyContain(s => s.Revision == 0);
        indexed.Should().Equal(scanned);
        indexed.Select(s => s.Stream).Should().BeEquivalentTo(ids.Select(TalentCaseDecider.StreamName));
    }
}
