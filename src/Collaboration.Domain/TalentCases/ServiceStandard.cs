namespace Collaboration.Domain.TalentCases;

/// <summary>
/// The district's service standard (服务时限): working days allowed per service. It is data in code,
/// not configuration, because a change of standard is a policy decision that should be reviewed and
/// versioned with the rules; the limit in force is copied into <see cref="TalentCaseOpened"/> so a
/// later change never rewrites an existing case's deadline.
/// </summary>
public static class ServiceStandard
{
    public static int WorkingDaysFor(TalentService service) => service switch
    {
        // Work permits follow the 10-working-day processing commitment of the foreigner work permit service.
        TalentService.WorkPermit => 10,
        TalentService.ResidencePermit => 7,
        // Housing and schooling depend on allocation rounds with other bureaus, so they get longer.
        TalentService.Housing => 15,
        TalentService.ChildrenSchooling => 20,
        // Medical care is often urgent; business registration runs on the 5-day one-window standard.
        TalentService.MedicalCare => 5,
        TalentService.BusinessRegistration => 5,
        TalentService.Other => 15,
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "Unknown talent service."),
    };
}
