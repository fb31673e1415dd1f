using Collaboration.Domain.Kernel;
using Collaboration.Domain.Partners;

namespace Collaboration.Domain.Tests.Partners;

/// <summary>Scenario facts: the Shanghai International Chamber of Commerce registers for the 2024 Open Month.</summary>
internal static class PartnerFacts
{
    public static readonly PartnerId Chamber = PartnerId.From(Guid.Parse("0192f3a0-0000-7000-8000-000000000001"));
    public static readonly PartnerId OtherPartner = PartnerId.From(Guid.Parse("0192f3a0-0000-7000-8000-000000000002"));
    public static readonly DateTimeOffset At = new(2024, 9, 20, 9, 0, 0, TimeSpan.FromHours(8));
    public static readonly BilingualText ChamberName = BilingualText.Both("上海国际商会", "Shanghai International Chamber of Commerce");
    public static readonly PartnerContact Liaison = new(new PersonalDetails(PersonId.Parse("0190a1b2-0000-7000-8000-0000000000c1"), "王敏", "liaison@example.org", "+86 21 0000 0000"), "Liaison Officer");

    public static PartnerRegistered Registered(string? reference = "sicc-001") =>
        new(Chamber, PartnerKind.ChamberOfCommerce, ChamberName, [Liaison], reference, At);

    public static PartnerDeactivated Deactivated() =>
        new(Chamber, BilingualText.Both("合作终止", "Cooperation ended"), At.AddDays(30));
}
