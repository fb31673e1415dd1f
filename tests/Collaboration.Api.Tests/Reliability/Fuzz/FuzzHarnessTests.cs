using System.Globalization;
using System.Text.Json;
using Collaboration.Api.Tests.Visibility;
using Xunit.Abstractions;

namespace Collaboration.Api.Tests.Reliability.Fuzz;

/// <summary>
/// Issue 14, item 3: a fixed-seed sample of fuzzed requests over every operation of the OpenAPI document (see
/// <see cref="FuzzCampaign"/>): zero 5xx, zero state change from a rejected request, zero leaks. The long mode is the same
/// test with a larger count: <c>COLLAB_FUZZ_REQUESTS</c> and <c>COLLAB_FUZZ_SEED</c> (the bench's <c>fuzz</c> command
/// sets them), with the report written to <c>COLLAB_RELIABILITY_REPORT</c> when set.
/// </summary>
public sealed class FuzzHarnessTests(LeakScenarioApp app, ITestOutputHelper output) : IClassFixture<LeakScenarioApp>
{
    private const int CiSeed = 14;
    private const int CiRequests = 900;

    [Fact]
    public async Task fuzzed_requests_to_every_operation_get_no_5xx_move_nothing_when_rejected_and_leak_nothing()
    {
        var seed = Setting("COLLAB_FUZZ_SEED", CiSeed);
        var requests = Setting("COLLAB_FUZZ_REQUESTS", CiRequests);

        var report = await new FuzzCampaign(app, seed, requests).RunAsync();

        output.WriteLine(report.Summary);
        if (Environment.GetEnvironmentVariable("COLLAB_RELIABILITY_REPORT") is { Length: > 0 } path)
        {
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, JsonSerializerOptions.Web));
        }

        report.Statuses.Keys.Should().Contain(k => k >= 200 && k < 300, "some fuzzed requests must get through, or the harness fuzzed only the front door");
        report.Statuses.Keys.Should().Contain(k => k >= 400 && k < 500);
        report.ServerErrors.Should().BeEmpty("no request, however malformed, gets a 5xx:\n{0}", string.Join('\n', report.ServerErrors.Take(20)));
        report.StateChanges.Should().BeEmpty("a rejected request changes nothing:\n{0}", string.Join('\n', report.StateChanges.Take(20)));
        report.Leaks.Should().BeEmpty("no answer carries what the visibility table withholds from the caller:\n{0}", string.Join('\n', report.Leaks.Take(20)));
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
