using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;

namespace Collaboration.Domain.Tests.TalentCases;

/// <summary>
/// One case told through its events: Robert (RO) asks for a work permit on Monday 30 September 2024,
/// the day before the National Day week, referred by the chamber of commerce. Ten working days from
/// then, skipping 1–7 October and counting the make-up Saturday 12 October, is Friday 18 October.
/// </summary>
internal static class TalentCaseFixture
{
    public static readonly TalentCaseId Id = TalentCaseId.From(Guid.Parse("0193a3c0-0000-7000-8000-000000000001"));
    public static readonly PartnerId Chamber = PartnerId.From(Guid.Parse("0193a3c0-0000-7000-8000-0000000000c1"));
    public static readonly PartnerId Park = PartnerId.From(Guid.Parse("0193a3c0-0000-7000-8000-0000000000c2"));
    public static readonly Actor Officer = Actor.Office("officer-wang");
    public static readonly Actor ChamberStaff = Actor.Partner("chamber-li", Chamber);
    public static readonly Actor ParkStaff = Actor.Partner("park-zhou", Park);
    public static readonly Actor Observer = new("observer-robert", ActorRole.Observer);

    public static readonly PersonalDetails Robert = new(
        PersonId.From(Guid.Parse("0193a3c0-0000-7000-8000-0000000000a1")), "Robert Popescu", "robert@example.org", "+86 138 0000 0000");

    public static readonly DateOnly OpenedOn = new(2024, 9, 30);
    public static readonly DateOnly DueOn = new(2024, 10, 18);

    public static BilingualText Text(string zh, string en) => BilingualText.Both(zh, en);

    /// <summary>10:00 Beijing time on the given day.</summary>
    public static DateTimeOffset On(int year, int month, int day, int hour = 10) => new(year, month, day, hour, 0, 0, DistrictTime.Offset);

    public static DateTimeOffset On(DateOnly day) => On(day.Year, day.Month, day.Day);

    public static TalentCaseOpened Opened(PartnerId? referredBy = null, DateOnly? dueOn = null) => new(
        Id, Robert, "RO", TalentCategory.ForeignHighEndA, TalentService.WorkPermit, referredBy ?? Chamber,
        OpenedOn, 10, dueOn ?? DueOn, Officer.Id, On(OpenedOn));

    public static TalentCaseAssigned Assigned(string department = "hr-bureau", string officer = "officer-wang") =>
        new(Id, department, officer, Officer.Id, On(2024, 10, 8));

    public static TalentCaseInformationRequested InformationRequested(DateOnly? on = null) =>
        new(Id, Request, on ?? new DateOnly(2024, 10, 8), Officer.Id, On(on ?? new DateOnly(2024, 10, 8)));

    public static TalentCaseInformationReceived InformationReceived() =>
        new(Id, new DateOnly(2024, 10, 11), 3, new DateOnly(2024, 10, 23), Officer.Id, On(2024, 10, 11));

    public static TalentCaseDeadlineExtended Extended() =>
        new(Id, Text("需部门会签", "needs a joint sign-off"), 5, DueOn, new DateOnly(2024, 10, 25), Officer.Id, On(2024, 10, 14));

    public static TalentCaseEscalated Escalated(EscalationLevel level = EscalationLevel.SectionHead) =>
        new(Id, Text("材料复杂", "complex file"), level, Officer.Id, On(2024, 10, 14));

    public static TalentCaseResolved Resolved(DateOnly? on = null) =>
        new(Id, Outcome, on ?? new DateOnly(2024, 10, 17), true, Officer.Id, On(on ?? new DateOnly(2024, 10, 17)));

    public static TalentCaseRejected Rejected() =>
        new(Id, Text("材料不全", "incomplete documents"), new DateOnly(2024, 10, 17), Officer.Id, On(2024, 10, 17));

    public static TalentCaseReopened Reopened() =>
        new(Id, Text("证件信息有误", "permit details wrong"), new DateOnly(2024, 11, 1), new DateOnly(2024, 11, 15), Officer.Id, On(2024, 11, 1));

    public static TalentCaseSatisfactionRecorded Rated(int score = 5) => new(Id, score, ChamberStaff.Id, On(2024, 10, 18));

    public static readonly BilingualText Request = BilingualText.Both("请补充学历认证", "please provide the degree verification");
    public static readonly BilingualText Outcome = BilingualText.Both("工作许可已签发", "work permit issued");
}
