using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Policies;

/// <summary>What a catalogue entry says; published whole and replaced whole by each revision.</summary>
public sealed record PolicyContent(
    BilingualText Title,
    BilingualText Summary,
    BilingualText IssuingDepartment,
    PolicyCategory Category,
    Uri? Link);
