namespace Collaboration.Api.Modules.Imports;

/// <summary>Why a row is in error: a stable code, the column when one is to blame, and the reason in both languages.</summary>
public sealed record ImportReason(string Code, string? Column, string Zh, string En);
