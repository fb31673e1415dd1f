using System.Text.RegularExpressions;
using Collaboration.Api.Http;
using Collaboration.Api.Tests.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Architecture;

/// <summary>
/// ADR 0016: one way to map an endpoint. Every handler under /api returns a typed result, and the responses the
/// OpenAPI document shows for it are exactly those its type declares: nothing written by hand next to it.
/// </summary>
public sealed partial class EndpointMappingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private IReadOnlyList<RouteEndpoint> Endpoints => EndpointMapping.ApiEndpoints(api.Services.GetServices<EndpointDataSource>());

    [Fact]
    public void every_handler_under_api_returns_a_typed_result()
    {
        var untyped = Endpoints.Where(e => !EndpointMapping.IsTypedResult(EndpointMapping.AnswerType(e))).Select(EndpointMapping.Name).ToList();

        Endpoints.Should().HaveCountGreaterThan(50);
        untyped.Should().BeEmpty("a handler's return type declares its responses; IResult declares none");
    }

    [Fact]
    public void every_endpoints_responses_come_from_its_typed_result_alone()
    {
        var violations = Endpoints.SelectMany(EndpointMapping.Violations).ToList();

        violations.Should().BeEmpty();
    }

    [Fact]
    public void every_handler_declares_the_problems_of_its_kind()
    {
        // A write answers 409/412 and more; a read fewer. Declaring them comes with the problem type in the answer.
        var missing = Endpoints
            .Where(e => !ProblemTypes(EndpointMapping.AnswerType(e)).Any())
            .Select(EndpointMapping.Name)
            .ToList();

        missing.Should().BeEmpty("every answer type includes ReadProblem or WriteProblem");
    }

    [Fact]
    public void the_checks_catch_an_untyped_handler_and_hand_written_responses()
    {
        var app = WebApplication.CreateBuilder().Build();
        app.MapGet("/api/untyped", () => Results.Ok());
        app.MapGet("/api/typed", () => TypedResults.Ok(1));
        app.MapGet("/api/decorated", () => TypedResults.Ok(1)).Produces<string>(StatusCodes.Status404NotFound);
        var endpoints = EndpointMapping.ApiEndpoints(((IEndpointRouteBuilder)app).DataSources).ToDictionary(e => e.RoutePattern.RawText!);

        EndpointMapping.Violations(endpoints["/api/untyped"]).Should().ContainSingle().Which.Should().Contain("not a typed result");
        EndpointMapping.Violations(endpoints["/api/typed"]).Should().BeEmpty();
        EndpointMapping.Violations(endpoints["/api/decorated"]).Should().ContainSingle().Which.Should().Contain("404 String");
    }

    [Fact]
    public void a_problem_type_refuses_a_status_it_does_not_declare()
    {
        var conflict = Problems.Create(StatusCodes.Status409Conflict, "A concurrent change won.", "request.concurrency-conflict");

        new WriteProblem(conflict).StatusCode.Should().Be(StatusCodes.Status409Conflict);
        FluentActions.Invoking(() => new ReadProblem(conflict)).Should().Throw<ArgumentException>().WithMessage("*409*");
    }

    [Fact]
    public void no_source_file_declares_responses_by_hand()
    {
        var src = Path.Combine(RepositoryLayout.Root(), "src");
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => HandWritten().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(src, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        offenders.Should().BeEmpty("responses come from the handler's typed result (ADR 0016)");
        HandWritten().IsMatch("            .ProducesProblem(StatusCodes.Status404NotFound)").Should().BeTrue();
        HandWritten().IsMatch(".Produces<WriteReceipt>()").Should().BeTrue();
    }

    private static IEnumerable<Type> ProblemTypes(Type? answer) =>
        answer is null ? [] :
        answer.IsGenericType && answer.Namespace == typeof(Results<,>).Namespace && answer.Name.StartsWith("Results`", StringComparison.Ordinal)
            ? answer.GetGenericArguments().Where(t => t == typeof(ReadProblem) || t == typeof(WriteProblem))
            : answer == typeof(ReadProblem) || answer == typeof(WriteProblem) ? [answer] : [];

    [GeneratedRegex(@"\.Produces(Problem|ValidationProblem)?\s*[<(]|\[ProducesResponseType")]
    private static partial Regex HandWritten();
}
