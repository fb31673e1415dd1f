using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;

namespace Collaboration.Api.Http;

/// <summary>
/// A write's problem: a read's problems, plus a concurrent change that won (409), a stale If-Match (412), a body too
/// large (413) or not JSON (415), a command the item's rules refuse (422), and a storage fault that refused the write
/// (503, ADR 0017).
/// </summary>
public sealed class WriteProblem(ProblemHttpResult problem) : ProblemAnswer(problem, Statuses), IEndpointMetadataProvider
{
    public static readonly IReadOnlyList<int> Statuses =
    [
        StatusCodes.Status400BadRequest,
        StatusCodes.Status401Unauthorized,
        StatusCodes.Status403Forbidden,
        StatusCodes.Status404NotFound,
        StatusCodes.Status409Conflict,
        StatusCodes.Status412PreconditionFailed,
        StatusCodes.Status413PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType,
        StatusCodes.Status422UnprocessableEntity,
        StatusCodes.Status429TooManyRequests,
        StatusCodes.Status503ServiceUnavailable,
    ];

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, Statuses);
}
