using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;

namespace Collaboration.Audit;

public sealed record CommitmentProgressLine(CommitmentId Commitment, PartnerId Owner, FocusArea FocusArea, CommitmentStage Stage, decimal Weight, decimal ApprovedProgress);
