using System.Text.Json.Serialization;

namespace Collaboration.Domain.Memoranda;

/// <summary>Source-generated JSON for every event of the Memoranda module, and the snapshot read by Commitments.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(MemorandumDrafted))]
[JsonSerializable(typeof(MemorandumPartyAdded))]
[JsonSerializable(typeof(MemorandumPartyRemoved))]
[JsonSerializable(typeof(MemorandumSigned))]
[JsonSerializable(typeof(MemorandumAmended))]
[JsonSerializable(typeof(MemorandumSuspended))]
[JsonSerializable(typeof(MemorandumResumed))]
[JsonSerializable(typeof(MemorandumCompleted))]
[JsonSerializable(typeof(MemorandumTerminated))]
[JsonSerializable(typeof(MemorandumPublished))]
[JsonSerializable(typeof(PolicyPackageDelivered))]
[JsonSerializable(typeof(PolicyPackageAcknowledged))]
[JsonSerializable(typeof(MemorandumSnapshot))]
public sealed partial class MemorandaJsonContext : JsonSerializerContext;
