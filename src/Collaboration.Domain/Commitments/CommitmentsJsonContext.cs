using System.Text.Json.Serialization;

namespace Collaboration.Domain.Commitments;

/// <summary>Source-generated JSON metadata for every commitment event and the read view.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(CommitmentProposed))]
[JsonSerializable(typeof(CommitmentAccepted))]
[JsonSerializable(typeof(MilestoneAdded))]
[JsonSerializable(typeof(MilestoneRescheduled))]
[JsonSerializable(typeof(MilestoneCompleted))]
[JsonSerializable(typeof(CommitmentProgressReported))]
[JsonSerializable(typeof(ProgressReportApproved))]
[JsonSerializable(typeof(ProgressReportReturned))]
[JsonSerializable(typeof(CommitmentCompleted))]
[JsonSerializable(typeof(CommitmentCancelled))]
[JsonSerializable(typeof(CommitmentView))]
public sealed partial class CommitmentsJsonContext : JsonSerializerContext;
