using Collaboration.Api.Application;

namespace Collaboration.Api.Modules.Imports;

/// <summary>A row's outcome and, for a create or an update, the write that carries it out.</summary>
public sealed record PlannedRow(ImportRowResult Result, Func<Caller, WriteOptions, CancellationToken, Task<CommandOutcome>>? Apply);
