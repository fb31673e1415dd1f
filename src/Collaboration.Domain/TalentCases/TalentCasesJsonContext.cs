using System.Text.Json.Serialization;

namespace Collaboration.Domain.TalentCases;

/// <summary>Source-generated serialisation for every talent-case event (the app builds its event registry from it) and the view.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(TalentCaseOpened))]
[JsonSerializable(typeof(TalentCaseAssigned))]
[JsonSerializable(typeof(TalentCaseNoteAdded))]
[JsonSerializable(typeof(TalentCaseInformationRequested))]
[JsonSerializable(typeof(TalentCaseInformationReceived))]
[JsonSerializable(typeof(TalentCaseDeadlineExtended))]
[JsonSerializable(typeof(TalentCaseEscalated))]
[JsonSerializable(typeof(TalentCaseResolved))]
[JsonSerializable(typeof(TalentCaseRejected))]
[JsonSerializable(typeof(TalentCaseReopened))]
[JsonSerializable(typeof(TalentCaseSatisfactionRecorded))]
[JsonSerializable(typeof(TalentCaseView))]
public sealed partial class TalentCasesJsonContext : JsonSerializerContext;
