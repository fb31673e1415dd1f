using Collaboration.Api.Application;

namespace Collaboration.Api.Modules.Audit;

// The audit endpoints stream or page straight from the log rather than through the mediator's QueryOutcome (which
// holds one finished value); these records carry each endpoint's role list for `.For<T>()`, deny by default.

/// <summary>Read the global log, an item's history, state as of a moment, a diff (partners: only what concerns them).</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Partner)]
public sealed record ReadAuditTrailRequest(Caller Caller) : ICallerRequest;

/// <summary>Verify the chain, sign or check checkpoints, export the raw log: office and auditors.</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor)]
public sealed record InspectLogRequest(Caller Caller) : ICallerRequest;

/// <summary>Erase a person's personal data: the office only (auditors never write).</summary>
[AllowedRoles(CallerRole.Office)]
public sealed record ErasePersonRequest(Caller Caller) : ICallerRequest;

/// <summary>Why a person's data is erased (e.g. the request reference under PIPL art. 47 / GDPR art. 17).</summary>
/// <param name="Reason">Kept in the audit trail; 3 to 500 characters.</param>
public sealed record ErasePersonBody(string Reason);

/// <summary>The result of re-computing the hash chain over a range.</summary>
public sealed record ChainVerificationView(bool IsValid, long CheckedFrom, long CheckedTo, long? FirstBadPosition, string? Reason, string LastHash);
