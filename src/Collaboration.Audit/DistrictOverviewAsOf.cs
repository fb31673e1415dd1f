using Collaboration.Projections.Overview;

namespace Collaboration.Audit;

/// <summary>The district overview as it stood at a moment (its "today" is the Shanghai date of that moment).</summary>
public sealed record DistrictOverviewAsOf(DateTimeOffset AsOf, long AsOfPosition, DistrictOverview Overview);
