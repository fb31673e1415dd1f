using Collaboration.Domain.Kernel;
using Collaboration.Domain.Observers;

namespace Collaboration.Domain.Tests.Observers;

/// <summary>Hongkou's second batch of observers, with Robert from Romania as the running example.</summary>
internal static class ObserverFixtures
{
    public static readonly ObserverId Robert = ObserverId.From(Guid.Parse("0193a5e0-0000-7000-8000-00000000000b"));

    public static readonly PersonalDetails RobertDetails =
        new(PersonId.From(Guid.Parse("0193a5e0-0000-7000-8000-0000000000aa")), "Robert Popescu", "robert@example.org", null);

    public static readonly Actor Office = Actor.Office("office-hk-01");

    public static readonly DateOnly TermStart = new(2024, 9, 1);

    public static readonly DateOnly TermEnd = new(2026, 8, 31);

    public static readonly DateTimeOffset AppointedAt = new(2024, 8, 28, 10, 0, 0, TimeSpan.FromHours(8));

    public static readonly DateTimeOffset Later = new(2025, 3, 3, 9, 0, 0, TimeSpan.FromHours(8));

    public static readonly ObserverRole[] DualRoles = [ObserverRole.PublicObserver, ObserverRole.ForeignExperienceOfficer];

    public static AppointObserver Appoint() =>
        new(Robert, 2, RobertDetails, "RO", DualRoles, TermStart, TermEnd, Office, AppointedAt);

    public static ObserverAppointed Appointed() =>
        new(Robert, 2, RobertDetails, "RO", [ObserverRole.PublicObserver, ObserverRole.ForeignExperienceOfficer], TermStart, TermEnd, Office.Id, AppointedAt);

    public static ObserverTermEnded Ended() =>
        new(Robert, new DateOnly(2025, 3, 1), BilingualText.Both("本人申请辞任", "Resigned at own request"), Office.Id, Later);
}
