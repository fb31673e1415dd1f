using Collaboration.Api.Application;
using Collaboration.Api.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Application;

/// <summary>
/// Validators and access rules are registered by hand in each module; one forgotten line would silently drop a
/// partner-scoping rule. This walks every rule and validator class in the API and checks the pipeline receives it
/// for every request it applies to.
/// </summary>
public sealed class PipelineRegistrationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    public static TheoryData<Type, Type> RulesAndRequests() => Pairs(typeof(IAccessRule<>));

    public static TheoryData<Type, Type> ValidatorsAndRequests() => Pairs(typeof(IValidator<>));

    [Theory]
    [MemberData(nameof(RulesAndRequests))]
    public void every_access_rule_reaches_the_pipeline_of_its_requests(Type rule, Type request) =>
        Resolve(typeof(IAccessRule<>), request).Should().Contain(r => r.GetType() == rule, $"{rule.Name} must guard {request.Name}");

    [Theory]
    [MemberData(nameof(ValidatorsAndRequests))]
    public void every_validator_reaches_the_pipeline_of_its_requests(Type validator, Type request) =>
        Resolve(typeof(IValidator<>), request).Should().Contain(v => v.GetType() == validator, $"{validator.Name} must check {request.Name}");

    private IEnumerable<object> Resolve(Type open, Type request)
    {
        using var scope = api.Services.CreateScope();
        return scope.ServiceProvider.GetServices(open.MakeGenericType(request)).OfType<object>().ToList();
    }

    /// <summary>Each implementation with each concrete request it covers (an interface argument covers every request implementing it).</summary>
    private static TheoryData<Type, Type> Pairs(Type open)
    {
        var types = typeof(Caller).Assembly.GetTypes();
        var requests = types.Where(t => !t.IsAbstract && !t.IsInterface && typeof(ICallerRequest).IsAssignableFrom(t)).ToList();
        var data = new TheoryData<Type, Type>();
        foreach (var implementation in types.Where(t => !t.IsAbstract && !t.IsInterface))
        {
            foreach (var contract in implementation.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == open))
            {
                var target = contract.GetGenericArguments()[0];
                foreach (var request in requests.Where(target.IsAssignableFrom))
                {
                    data.Add(implementation, request);
                }
            }
        }

        return data;
    }
}
