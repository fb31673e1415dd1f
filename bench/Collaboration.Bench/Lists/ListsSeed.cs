using Collaboration.Audit.Privacy;
using Collaboration.Audit.Sqlite;
using Collaboration.Bench.Store;
using CommitmentProgressReported = Collaboration.Domain.Commitments.CommitmentProgressReported;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.Partners;
using Collaboration.Domain.TalentCases;
using Collaboration.EventStore;
using Collaboration.EventStore.Sqlite;
using Collaboration.Projections;
using Collaboration.Projections.Running;
using Collaboration.Projections.Sqlite;

namespace Collaboration.Bench.Lists;

/// <summary>
/// Writes the lists bench's log the way the app would (domain events through the app's serializer, personal details
/// encrypted with per-person keys in the key file beside the log), then builds every read model in one rebuild pass so
/// the app starts on it caught up.
/// </summary>
internal static class ListsSeed
{
    private const int Partners = 10;
    private const int CommitmentsPerMemorandum = 100;
    private const int Writers = 64;

    public static async Task WriteAsync(string db, int cases, int commitments, DateOnly today)
    {
        using var keys = new SqlitePersonalKeyStore(SqlitePersonalKeyStore.DefaultPathFor(db));
        var serializer = new EventSerializer(DomainEventTypes.CreateRegistry(PersonalDataConverter.All(keys)));
        await using var store = new SqliteEventStore(new SqliteEventStoreOptions { Path = db }, TimeProvider.System);
        var metadata = new EventMetadata("office-bench", "office");
        var at = DateTimeOffset.UtcNow;
        var text = new BilingualText("服务外籍人才", "Serve foreign talent");
        Task Append(string stream, params object[] events) =>
            store.AppendAsync(stream, ExpectedRevision.NoStream, [.. events.Select(e => serializer.ToEventToAppend(e, metadata))]);

        var partners = Enumerable.Range(0, Partners).Select(_ => PartnerId.New()).ToArray();
        for (var p = 0; p < partners.Length; p++)
        {
            await Append(PartnerDecider.StreamName(partners[p]),
                new PartnerRegistered(partners[p], PartnerKind.ChamberOfCommerce, new BilingualText($"商会 {p:00}", $"Chamber {p:00}"), [], null, at));
        }

        var memoranda = Enumerable.Range(0, Math.Max(1, (commitments + CommitmentsPerMemorandum - 1) / CommitmentsPerMemorandum)).Select(_ => MemorandumId.New()).ToArray();
        foreach (var memorandum in memoranda)
        {
            await Append(MemorandumDecider.StreamName(memorandum),
            [
                new MemorandumDrafted(memorandum, new BilingualText("政社合作备忘录", "Cooperation memorandum"), text, [FocusArea.HighLevelTalentServices], today.AddYears(-1), today.AddYears(2), at),
                .. partners.Select(p => (object)new MemorandumPartyAdded(memorandum, p, PartyRole.PartnerOrganisation, new BilingualText("合作单位", "Partner"), at)),
            ]);
        }

        // Due dates spread a year back to two years ahead, a fifth still proposed, a third with approved progress: every status shows.
        using (var counter = new LiveCounter("commitments", commitments))
        {
            await ParallelAsync(commitments, async i =>
            {
                var id = CommitmentId.New();
                var due = today.AddDays((i * 37 % 1095) - 365);
                var proposedOn = due.AddDays(-400);
                var events = new List<object>
                {
                    new CommitmentProposed(id, memoranda[i % memoranda.Length], FocusArea.HighLevelTalentServices, partners[i % partners.Length], text, due, 1m, proposedOn, "office-bench", at),
                };
                if (i % 5 != 0)
                {
                    events.Add(new CommitmentAccepted(id, proposedOn.AddDays(10), "office-bench", at));
                    if (i % 3 == 0)
                    {
                        var report = ProgressReportId.New();
                        var percent = (i * 7) % 100;
                        events.Add(new CommitmentProgressReported(id, report, percent, text, proposedOn.AddDays(60), "partner-bench", ActorRole.Partner, at));
                        events.Add(new ProgressReportApproved(id, report, percent, proposedOn.AddDays(60), proposedOn.AddDays(61), "office-bench", at));
                    }
                }

                await Append(CommitmentDecider.StreamName(id), [.. events]);
                counter.Add(1);
            });
        }

        // One key per person: a person comes back with several cases (a work permit, then a residence permit, ...).
        var people = Enumerable.Range(0, Math.Max(1, cases / 20)).Select(_ => PersonId.New()).ToArray();
        var services = Enum.GetValues<TalentService>();
        var categories = Enum.GetValues<TalentCategory>();
        using (var counter = new LiveCounter("talent cases", cases))
        {
            await ParallelAsync(cases, async i =>
            {
                var id = TalentCaseId.New();
                var person = people[i % people.Length];
                var opened = today.AddDays(-(i % 400));
                await Append(TalentCaseDecider.StreamName(id),
                    new TalentCaseOpened(id, new PersonalDetails(person, $"Talent {i % people.Length}", "talent@example.test", "+86 21 0000 0000"), "RO",
                        categories[i % categories.Length], services[i % services.Length], i % 4 == 0 ? partners[i % partners.Length] : null,
                        opened, 10, opened.AddDays(14), "office-bench", at));
                counter.Add(1);
            });
        }

        var head = await store.ReadHeadPositionAsync();
        var runner = new ProjectionRunner(store, new SqliteViewStore(store), serializer, ReadModels.All());
        await runner.StartAsync();
        var names = runner.Projections.Select(p => p.Name).ToList();
        using var rebuild = new LiveCounter("read models (events)", head);
        long seen = 0;
        await runner.RebuildAsync(names, new Progress(position => rebuild.Add(position - Interlocked.Exchange(ref seen, position))));
    }

    private static async Task ParallelAsync(int count, Func<int, Task> work)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                await work(i);
            }
        }));
    }

    private sealed class Progress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
