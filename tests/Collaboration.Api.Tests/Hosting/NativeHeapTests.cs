using Collaboration.Api.Hosting;

namespace Collaboration.Api.Tests.Hosting;

/// <summary>The malloc settings the app makes at start reach glibc on Linux (the bench's and the deployment's platform).</summary>
public sealed class NativeHeapTests
{
    [Fact]
    public void on_linux_the_arena_limit_and_the_trim_reach_the_c_library()
    {
        if (!OperatingSystem.IsLinux())
        {
            NativeHeap.LimitArenas().Should().BeFalse("elsewhere both are no-ops");
            return;
        }

        NativeHeap.LimitArenas().Should().BeTrue("mallopt(M_ARENA_MAX) is glibc's; a wrong entry point or library would answer false");
        NativeHeap.Trim().Should().BeTrue();
    }
}
