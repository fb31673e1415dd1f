namespace Collaboration.Api.Application;

/// <summary>
/// Marks a POST that changes nothing — a query whose input (e.g. a signed checkpoint) is a document rather than a
/// few URL parameters. Only such endpoints may admit read-only roles with a method other than GET; the role matrix
/// test holds every other write closed to auditors.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class SafeOperationAttribute : Attribute;
