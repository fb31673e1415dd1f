using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Collaboration.Api.Http;

/// <summary>
/// A problem answer whose type declares, as endpoint metadata, every problem status a caller of that kind of endpoint
/// can receive — from the handler or from the pipeline in front of it (authentication, the role policy, the rate
/// limiter, the body reader) — so the OpenAPI document lists them because the handler returns this type.
/// </summary>
public abstract class ProblemAnswer : IResult, IStatusCodeHttpResult, IValueHttpResult<ProblemDetails>
{
    private readonly ProblemHttpResult _problem;

    protected ProblemAnswer(ProblemHttpResult problem, IReadOnlyCollection<int> declared)
    {
        // A status the type does not declare would be an answer the document does not describe: refuse it where it is built.
        if (!declared.Contains(problem.StatusCode))
        {
            throw new ArgumentException($"{GetType().Name} does not declare status {problem.StatusCode}.", nameof(problem));
        }

        _problem = problem;
    }

    public ProblemDetails Value => _problem.ProblemDetails;

    public int? StatusCode => _problem.StatusCode;

    public Task ExecuteAsync(HttpContext httpContext) => _problem.ExecuteAsync(httpContext);

    protected static void Declare(EndpointBuilder builder, IEnumerable<int> statuses)
    {
        foreach (var status in statuses)
        {
            // 400 carries the invalid fields by name; every other problem is plain problem details.
            var body = status == StatusCodes.Status400BadRequest ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails);
            builder.Metadata.Add(new ProducesResponseTypeMetadata(status, body, [Problems.ProblemJson]));
        }
    }
}
