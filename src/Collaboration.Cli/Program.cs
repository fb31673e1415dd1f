namespace Collaboration.Cli;

// Not top-level statements: tests reference both this assembly and the API's, and both would define a global Program.
internal static class EntryPoint
{
    public static Task<int> Main(string[] args) => CollabCommands.Create().Parse(args).InvokeAsync();
}
