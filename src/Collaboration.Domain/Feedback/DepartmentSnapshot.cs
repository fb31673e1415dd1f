using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Feedback;

/// <summary>
/// The department feedback is routed to, as the application finds it in the partner register. The
/// name is copied into the event so the board still reads correctly after a department is renamed.
/// </summary>
public sealed record DepartmentSnapshot(PartnerId Department, BilingualText Name, bool IsGovernmentDepartment);
