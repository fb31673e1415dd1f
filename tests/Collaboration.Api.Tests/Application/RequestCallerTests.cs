using System.Security.Claims;
using Collaboration.Api.Application;
using Collaboration.Api.Http;
using Microsoft.AspNetCore.Http;

namespace Collaboration.Api.Tests.Application;

public sealed class RequestCallerTests
{
    private static ClaimsPrincipal Signed(string id, string role) =>
        new(new ClaimsIdentity([new Claim("sub", id), new Claim("role", role)], authenticationType: "Bearer"));

    [Fact]
    public void the_caller_is_read_from_the_claims_once_per_request()
    {
        var http = new DefaultHttpContext { User = Signed("office.zhang", "office") };

        var first = RequestCaller.Of(http);
        var second = RequestCaller.Of(http);

        first.Should().NotBeNull();
        (first!.Id, first.Role).Should().Be(("office.zhang", CallerRole.Office));
        second.Should().BeSameAs(first, "the second ask within the request reuses the caller read by the first");
    }

    [Fact]
    public void a_user_replaced_during_the_request_is_read_again()
    {
        var http = new DefaultHttpContext();
        RequestCaller.Of(http).Should().BeNull("nobody signed in yet");

        http.User = Signed("auditor.li", "auditor");

        var caller = RequestCaller.Of(http);

        caller.Should().NotBeNull();
        (caller!.Id, caller.Role).Should().Be(("auditor.li", CallerRole.Auditor));
    }
}
