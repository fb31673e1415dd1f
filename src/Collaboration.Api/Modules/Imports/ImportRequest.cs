using Collaboration.Api.Application;

namespace Collaboration.Api.Modules.Imports;

/// <summary>
/// The role list of the import endpoints: office staff only. Imports are not mediator requests (a file is not one
/// command), but they declare their roles the same way, so the endpoint policy and the role matrix apply unchanged;
/// each row's write then runs through the ordinary commands and their rules.
/// </summary>
[AllowedRoles(CallerRole.Office)]
public sealed record ImportRequest(Caller Caller) : ICallerRequest;
