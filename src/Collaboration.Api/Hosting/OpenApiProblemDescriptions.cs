using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Collaboration.Api.Hosting;

/// <summary>
/// Names the <c>code</c>s behind the problem responses every operation shares, so a client knows them from the
/// document: e.g. a path id that is not a GUID is a 404 with <c>route.invalid-id</c>, like an id that names nothing.
/// </summary>
public sealed class OpenApiProblemDescriptions : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.Responses is null)
        {
            return;
        }

        var hasPathId = context.ApiDescription.ParameterDescriptions.Any(p => p.Source.Id == "Path");
        foreach (var (status, response) in operation.Responses)
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }

            concrete.Description = status switch
            {
                "400" => "Invalid request: a field fails validation or the body does not parse (`request.invalid`, with `errors` by field), " +
                         "or the request cannot be read (`request.unreadable`).",
                "401" => "No valid bearer token (`auth.unauthenticated`).",
                "403" => "The caller's role or organisation may not do this (`access.forbidden`).",
                "404" when hasPathId => "No such resource (`resource.not-found`), or an id in the path is not a GUID (`route.invalid-id`).",
                "404" => "No such resource (`resource.not-found`).",
                "413" => "The body is larger than 256 KiB (`request.too-large`).",
                "415" => "The body is not `application/json` (`request.unsupported-media-type`).",
                "429" => "Too many requests; retry after the `Retry-After` seconds (`request.rate-limited`).",
                "503" => "The store cannot take writes now (disk full, read-only or missing file, locked by another process); nothing was " +
                         "recorded; retry after the `Retry-After` seconds (`store.unavailable`).",
                _ => concrete.Description,
            };
        }
    }
}
