using Collaboration.Domain.Kernel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Collaboration.Api.Http;

/// <summary>Builds the <c>application/problem+json</c> bodies the API answers with; one shape everywhere.</summary>
public static class Problems
{
    public const string ProblemJson = "application/problem+json";

    public static ProblemHttpResult Domain(DomainError error)
    {
        var status = error.Kind switch
        {
            DomainErrorKind.Validation => StatusCodes.Status400BadRequest,
            DomainErrorKind.NotFound => StatusCodes.Status404NotFound,
            DomainErrorKind.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        return Create(status, error.Message.En ?? error.Code, error.Code, error.Message);
    }

    public static ProblemHttpResult Create(int status, string title, string code, BilingualText? message = null, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = title,
            Type = $"https://collaboration.example/problems/{code}",
            Detail = message?.En ?? title,
        };
        problem.Extensions["code"] = code;
        if (message is not null)
        {
            problem.Extensions["message"] = new Dictionary<string, string?> { ["zh"] = message.Zh, ["en"] = message.En };
        }

        if (extensions is not null)
        {
            foreach (var (key, value) in extensions)
            {
                problem.Extensions[key] = value;
            }
        }

        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult Validation(IReadOnlyDictionary<string, string[]> errors)
    {
        // No status set: the validation problem's default (400) applies, as for the framework's own.
        var problem = new HttpValidationProblemDetails(errors.ToDictionary(p => p.Key, p => p.Value))
        {
            Title = "The request has invalid fields.",
            Type = "https://collaboration.example/problems/request.invalid",
        };
        problem.Extensions["code"] = "request.invalid";
        problem.Extensions["message"] = new Dictionary<string, string?> { ["zh"] = "请求包含无效字段。", ["en"] = "The request has invalid fields." };
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult NotFound() => Create(StatusCodes.Status404NotFound, "Not found.", "resource.not-found", new BilingualText("未找到该资源。", "The resource was not found."));

    public static ProblemHttpResult Forbidden(string reason) => Create(StatusCodes.Status403Forbidden, "Forbidden.", "access.forbidden", new BilingualText("无权执行此操作。", reason));
}
