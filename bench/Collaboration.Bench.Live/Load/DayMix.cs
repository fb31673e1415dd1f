using System.Collections.Concurrent;
using Collaboration.Api.Live;

namespace Collaboration.Bench.Live.Load;

/// <summary>
/// The day's mix of requests, one drawn per tick: about 30 % commands (talent cases opened, assigned, resolved;
/// commitments proposed, accepted, reported on by their partner, approved; observer feedback submitted, acknowledged,
/// routed, answered; partners registered and updated; memoranda drafted, given parties, signed) and 70 % reads (the
/// list pages and details the office, partner and observer dashboards load). An item moves to its next step only after
/// the tracked dashboard saw the push of its last one, as a person acts on what the dashboard shows; a step with no item
/// ready falls back to the command that creates one.
/// </summary>
internal sealed class DayMix
{
    private readonly District district;
    private readonly KindStats stats;
    private readonly PushTracker push;
    private readonly (double Weight, Func<long, Task> Run)[] operations;
    private readonly double totalWeight;
    private readonly ConcurrentQueue<Guid> opened = new(), assigned = new(), submitted = new(), acknowledged = new(), routed = new(), registered = new();
    private readonly ConcurrentQueue<(Guid Commitment, int Owner)> active = new(), proposed = new();
    private readonly ConcurrentQueue<(Guid Commitment, int Owner, Guid Report)> reported = new();
    private readonly ConcurrentQueue<(Guid Memorandum, int Step)> drafts = new();
    private readonly ConcurrentDictionary<Guid, int> percent = new();
    private readonly RecentItems<Guid> cases = new();
    private readonly RecentItems<(Guid Feedback, int Observer)> feedback = new();

    public DayMix(District district, KindStats stats, PushTracker push)
    {
        this.district = district;
        this.stats = stats;
        this.push = push;
        foreach (var commitment in district.Commitments)
        {
            active.Enqueue(commitment);
        }

        operations =
        [
            (4, OpenCaseAsync), (3.5, AssignCaseAsync), (3, ResolveCaseAsync),
            (1.5, ProposeAsync), (1.5, AcceptAsync), (4, ReportAsync), (3.5, ApproveAsync),
            (2, SubmitFeedbackAsync), (1.8, AcknowledgeAsync), (1.6, RouteAsync), (1.5, AnswerAsync),
            (0.5, RegisterPartnerAsync), (1, UpdatePartnerAsync), (0.3, DraftAsync), (0.6, MemorandumStepAsync),
            (8, _ => Read(district.Office, "GET talent-cases page", "api/v1/talent-cases?limit=50")),
            (6, _ => Read(district.Office, "GET commitments page", "api/v1/commitments?limit=50")),
            (5, _ => Read(district.Office, "GET feedback page", "api/v1/feedback?limit=50")),
            (4, _ => Read(district.Office, "GET partners page", "api/v1/partners?limit=50")),
            (8, _ => Read(district.Office, "GET memorandum progress", $"api/v1/memoranda/{district.Memorandum}/progress")),
            (6, _ => Read(district.Office, "GET overview", "api/v1/overview")),
            (6, _ => Read(district.Office, "GET activity", "api/v1/activity?limit=20")),
            (6, CaseDetailAsync),
            (7, n => Read(Partner(n).Actor, "GET partner portfolio", $"api/v1/partners/{Partner(n).Id}/portfolio")),
            (5, n => Read(Partner(n).Actor, "GET own commitments page", $"api/v1/commitments?partner={Partner(n).Id}&limit=50")),
            (4, n => Read(Partner(n).Actor, "GET own commitment", $"api/v1/commitments/{district.Commitments.First(c => c.Owner == (int)(n % district.Partners.Count)).Id}")),
            (3, n => Read(Observer(n).Actor, "GET feedback page (observer)", "api/v1/feedback?limit=50")),
            (2, OwnFeedbackAsync),
        ];
        totalWeight = operations.Sum(o => o.Weight);
    }

    /// <summary>Runs the <paramref name="n"/>th request of the day, its kind drawn by weight.</summary>
    public Task RunAsync(long n, double draw)
    {
        var target = draw * totalWeight;
        foreach (var (weight, run) in operations)
        {
            if ((target -= weight) < 0)
            {
                return run(n);
            }
        }

        return operations[^1].Run(n);
    }

    private (Guid Id, LoadActor Actor) Partner(long n) => district.Partners[(int)(n % district.Partners.Count)];

    private (Guid Id, LoadActor Actor) Observer(long n) => district.Observers[(int)(n % district.Observers.Count)];

    private async Task Read(LoadActor actor, string kind, string path) => stats.Record(kind, command: false, await actor.GetAsync(path));

    /// <summary>Sends a command about one document; on success tracks its push and then hands the item to its next step.</summary>
    private async Task<LoadReply> Command(LoadActor actor, string kind, string path, object? body, string view, Func<LoadReply, Guid> key, Action<LoadReply> next, Action retry)
    {
        var reply = await actor.PostAsync(path, body);
        stats.Record(kind, command: true, reply);
        if (reply.Ok)
        {
            push.Track(view, key(reply).ToString(), reply.Started, reply.Done, () => next(reply));
        }
        else
        {
            retry();
        }

        return reply;
    }

    private Task OpenCaseAsync(long n)
    {
        Guid? referredBy = n % 2 == 0 ? Partner(n).Id : null;
        return Command(district.Office, "POST talent-cases (open)", "api/v1/talent-cases", Bodies.TalentCase(n, referredBy), ViewNames.TalentCaseQueue,
            r => r.Id, r => { cases.Add(r.Id); opened.Enqueue(r.Id); }, () => { });
    }

    private Task AssignCaseAsync(long n) => opened.TryDequeue(out var id)
        ? Command(district.Office, "POST talent-case assign", $"api/v1/talent-cases/{id}/assign", Bodies.Assignment(n), ViewNames.TalentCaseQueue,
            _ => id, _ => assigned.Enqueue(id), () => opened.Enqueue(id))
        : OpenCaseAsync(n);

    private Task ResolveCaseAsync(long n) => assigned.TryDequeue(out var id)
        ? Command(district.Office, "POST talent-case resolve", $"api/v1/talent-cases/{id}/resolve", Bodies.Resolution, ViewNames.TalentCaseQueue,
            _ => id, _ => { }, () => assigned.Enqueue(id))
        : AssignCaseAsync(n);

    private Task CaseDetailAsync(long n)
    {
        if (!cases.TryPick(n, out var id))
        {
            return Read(district.Office, "GET talent-cases page", "api/v1/talent-cases?limit=50");
        }

        return Read(district.Office, "GET talent case", $"api/v1/talent-cases/{id}");
    }

    private Task ProposeAsync(long n)
    {
        var owner = (int)(n % district.Partners.Count);
        return Command(district.Office, "POST commitments (propose)", "api/v1/commitments", Bodies.Commitment(district, owner, n), ViewNames.CommitmentDetail,
            r => r.Id, r => proposed.Enqueue((r.Id, owner)), () => { });
    }

    private Task AcceptAsync(long n)
    {
        if (!proposed.TryDequeue(out var item))
        {
            return ProposeAsync(n);
        }

        return Command(district.Office, "POST commitment accept", $"api/v1/commitments/{item.Commitment}/accept", null, ViewNames.CommitmentDetail,
            _ => item.Commitment, _ => active.Enqueue(item), () => proposed.Enqueue(item));
    }

    private Task ReportAsync(long n)
    {
        if (!active.TryDequeue(out var item))
        {
            return AcceptAsync(n);
        }

        var share = percent.AddOrUpdate(item.Commitment, 5, (_, p) => Math.Min(100, p + 5));
        return Command(district.Partners[item.Owner].Actor, "POST progress-reports (partner)", $"api/v1/commitments/{item.Commitment}/progress-reports",
            Bodies.ProgressReport(share, district.Today), ViewNames.CommitmentDetail,
            _ => item.Commitment, r => reported.Enqueue((item.Commitment, item.Owner, r.Id)), () => active.Enqueue(item));
    }

    private Task ApproveAsync(long n) => reported.TryDequeue(out var item)
        ? Command(district.Office, "POST progress-report approve", $"api/v1/commitments/{item.Commitment}/progress-reports/{item.Report}/approve", null, ViewNames.CommitmentDetail,
            _ => item.Commitment, _ => active.Enqueue((item.Commitment, item.Owner)), () => reported.Enqueue(item))
        : ReportAsync(n);

    private Task SubmitFeedbackAsync(long n)
    {
        var observer = (int)(n % district.Observers.Count);
        return Command(district.Observers[observer].Actor, "POST feedback (observer)", "api/v1/feedback", Bodies.Feedback(n), ViewNames.FeedbackBoard,
            r => r.Id, r => { feedback.Add((r.Id, observer)); submitted.Enqueue(r.Id); }, () => { });
    }

    private Task AcknowledgeAsync(long n) => submitted.TryDequeue(out var id)
        ? Command(district.Office, "POST feedback acknowledge", $"api/v1/feedback/{id}/acknowledge", null, ViewNames.FeedbackBoard,
            _ => id, _ => acknowledged.Enqueue(id), () => submitted.Enqueue(id))
        : SubmitFeedbackAsync(n);

    private Task RouteAsync(long n) => acknowledged.TryDequeue(out var id)
        ? Command(district.Office, "POST feedback route", $"api/v1/feedback/{id}/route", new { department = district.TalentBureau }, ViewNames.FeedbackBoard,
            _ => id, _ => routed.Enqueue(id), () => acknowledged.Enqueue(id))
        : AcknowledgeAsync(n);

    private Task AnswerAsync(long n) => routed.TryDequeue(out var id)
        ? Command(district.Office, "POST feedback answer", $"api/v1/feedback/{id}/answer", Bodies.Answer, ViewNames.FeedbackBoard,
            _ => id, _ => { }, () => routed.Enqueue(id))
        : RouteAsync(n);

    private Task OwnFeedbackAsync(long n)
    {
        if (!feedback.TryPick(n, out var item))
        {
            return Read(Observer(n).Actor, "GET feedback page (observer)", "api/v1/feedback?limit=50");
        }

        return Read(district.Observers[item.Observer].Actor, "GET own feedback", $"api/v1/feedback/{item.Feedback}");
    }

    private Task RegisterPartnerAsync(long n) =>
        Command(district.Office, "POST partners (register)", "api/v1/partners", Bodies.Partner("Enterprise", $"企业 {n}", $"Enterprise {n}"), ViewNames.Partners,
            r => r.Id, r => registered.Enqueue(r.Id), () => { });

    private Task UpdatePartnerAsync(long n) => registered.TryDequeue(out var id)
        ? Command(district.Office, "POST partner details", $"api/v1/partners/{id}/details", Bodies.PartnerDetails("Enterprise", $"企业 {n}", $"Enterprise {n} (renamed)"), ViewNames.Partners,
            _ => id, _ => registered.Enqueue(id), () => registered.Enqueue(id))
        : RegisterPartnerAsync(n);

    private Task DraftAsync(long n) =>
        Command(district.Office, "POST memoranda (draft)", "api/v1/memoranda", Bodies.Memorandum(district.Today, $"day {n}"), ViewNames.Memoranda,
            r => r.Id, r => drafts.Enqueue((r.Id, 0)), () => { });

    /// <summary>A drafted memorandum gets the district office, then one partner, then both sign.</summary>
    private Task MemorandumStepAsync(long n)
    {
        if (!drafts.TryDequeue(out var draft))
        {
            return DraftAsync(n);
        }

        return draft.Step switch
        {
            0 => Command(district.Office, "POST memorandum party", $"api/v1/memoranda/{draft.Memorandum}/parties", new { partner = district.DistrictOffice, role = "DistrictOffice" },
                ViewNames.Memoranda, _ => draft.Memorandum, _ => drafts.Enqueue((draft.Memorandum, 1)), () => drafts.Enqueue(draft)),
            1 => Command(district.Office, "POST memorandum party", $"api/v1/memoranda/{draft.Memorandum}/parties", new { partner = district.Partners[0].Id, role = "PartnerOrganisation" },
                ViewNames.Memoranda, _ => draft.Memorandum, _ => drafts.Enqueue((draft.Memorandum, 2)), () => drafts.Enqueue(draft)),
            _ => Command(district.Office, "POST memorandum sign", $"api/v1/memoranda/{draft.Memorandum}/sign", Bodies.Signing([district.DistrictOffice, district.Partners[0].Id], district.Today),
                ViewNames.Memoranda, _ => draft.Memorandum, _ => { }, () => drafts.Enqueue(draft)),
        };
    }
}
