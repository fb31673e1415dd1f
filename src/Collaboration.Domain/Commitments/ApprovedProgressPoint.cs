using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Commitments;

/// <summary>One approved figure in the history of a commitment, for charts and audits.</summary>
public sealed record ApprovedProgressPoint(ProgressReportId Report, decimal Percent, DateOnly AsOf, DateOnly ApprovedOn);
