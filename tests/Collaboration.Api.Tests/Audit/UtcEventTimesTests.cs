using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Collaboration.Api.Modules;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.EventStore;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Audit;

/// <summary>
/// One instant, one spelling in the hashed log: new events carry UTC whatever clock a module read, and events a
/// log already holds with "+08:00" read back as the same instant in UTC without their bytes or hashes changing.
/// </summary>
public sealed partial class UtcEventTimesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(Z|[+-]\d{2}:\d{2})")]
    private static partial Regex Moment();

    private static IReadOnlyList<string> OffsetsIn(string json) =>
        Moment().Matches(json).Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public async Task new_commitment_events_are_written_with_offset_zero()
    {
        var memorandum = await api.SignedMemorandumAsync();
        var commitment = await api.AcceptedCommitmentAsync(memorandum, memorandum.PartnerA);
        var store = api.Services.GetRequiredService<IEventStore>();

        var events = await store.ReadStreamAsync(CommitmentDecider.StreamName(CommitmentId.From(commitment))).ToListAsync();

        events.Select(e => e.Type).Should().Equal("commitment.proposed.v1", "commitment.accepted.v1");
        foreach (var recorded in events)
        {
            var raw = Encoding.UTF8.GetString(recorded.Data.Span);
            OffsetsIn(raw).Should().NotBeEmpty().And.OnlyContain(offset => offset == "+00:00", raw);
        }
    }

    [Fact]
    public async Task the_export_of_a_freshly_written_log_holds_no_district_offset_in_event_data()
    {
        await DemoData.SeedAsync(api.Services, CancellationToken.None);
        var memorandum = await api.SignedMemorandumAsync();
        await api.AcceptedCommitmentAsync(memorandum, memorandum.PartnerA);
        await api.OpenCaseAsync();
        await api.AnsweredFeedbackAsync();

        var export = await api.Auditor().GetStringAsync("/api/v1/audit/export");

        export.Should().NotContain("+08:00");
        var data = export.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("data").GetRawText())
            .ToList();
        data.Should().HaveCountGreaterThan(100);
        data.SelectMany(OffsetsIn).Should().NotBeEmpty().And.OnlyContain(offset => offset == "+00:00");
    }

    [Fact]
    public async Task an_old_event_spelled_in_district_time_reads_as_the_same_instant_in_utc_and_the_chain_verifies()
    {
        await using var audit = AuditStore.Create();
        var commitment = CommitmentId.New();
        var stream = CommitmentDecider.StreamName(commitment);
        var old = Encoding.UTF8.GetBytes(
            $$"""{"commitment":"{{commitment.Value}}","acceptedOn":"2024-09-02","acceptedBy":"office-1","at":"2024-09-02T09:00:00+08:00"}""");
        await audit.Store.AppendAsync(stream, ExpectedRevision.NoStream, [new EventToAppend(Guid.CreateVersion7(), "commitment.accepted.v1", old, EventMetadata.Empty)]);

        var recorded = await audit.Store.ReadStreamAsync(stream).SingleAsync();
        var accepted = audit.Serializer.Deserialize(recorded).Should().BeOfType<CommitmentAccepted>().Subject;

        accepted.At.Offset.Should().Be(TimeSpan.Zero);
        accepted.At.Should().Be(new DateTimeOffset(2024, 9, 2, 1, 0, 0, TimeSpan.Zero));
        accepted.AcceptedOn.Should().Be(new DateOnly(2024, 9, 2));
        recorded.Data.ToArray().Should().Equal(old, "the upcast happens after reading; the stored bytes stay as hashed");
        (await audit.Store.VerifyAsync()).IsValid.Should().BeTrue();
    }
}
