using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;

namespace Collaboration.Api.Http;

/// <summary>
/// A read's problem: invalid query (400), no token (401), a role or organisation that may not read it (403), nothing
/// visible there (404), too many requests (429).
/// </summary>
public sealed class ReadProblem(ProblemHttpResult problem) : ProblemAnswer(problem, Statuses), IEndpointMetadataProvider
{
    public static readonly IReadOnlyList<int> Statuses =
    [
        StatusCodes.Status400BadRequest,
        StatusCodes.Status401Unauthorized,
        StatusCodes.Status403Forbidden,
        StatusCodes.Status404NotFound,
        StatusCodes.Status429TooManyRequests,
    ];

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, Statuses);
}
