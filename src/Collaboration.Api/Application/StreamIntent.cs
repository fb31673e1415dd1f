namespace Collaboration.Api.Application;

/// <summary>Whether a command starts a stream or acts on an existing one (a missing stream is then 404).</summary>
public enum StreamIntent
{
    Create = 1,
    Update = 2,
}
