using System.Net;
using Collaboration.Api.Tests.Fixtures;

namespace Collaboration.Api.Tests.Memoranda;

public sealed class MemorandaOpenApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("PublishPolicy")]
    [InlineData("RevisePolicy")]
    [InlineData("RetirePolicy")]
    [InlineData("GetPolicy")]
    [InlineData("DraftMemorandum")]
    [InlineData("AddMemorandumParty")]
    [InlineData("RemoveMemorandumParty")]
    [InlineData("SignMemorandum")]
    [InlineData("AmendMemorandum")]
    [InlineData("SuspendMemorandum")]
    [InlineData("ResumeMemorandum")]
    [InlineData("CompleteMemorandum")]
    [InlineData("TerminateMemorandum")]
    [InlineData("GetMemorandum")]
    [InlineData("DeliverPolicyPackage")]
    [InlineData("GetPolicyPackage")]
    [InlineData("AcknowledgePolicyPackage")]
    public async Task swagger_document_describes_the_operation(string operation)
    {
        var response = await api.CreateClient().GetAsync("/swagger/v1/swagger.json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain($"\"operationId\": \"{operation}\"");
    }
}
