using System.Reflection;
using Collaboration.Audit;
using Collaboration.Audit.Sqlite;
using Collaboration.Cli;
using Collaboration.Domain.Kernel;
using Collaboration.EventStore;
using Collaboration.EventStore.Sqlite;
using Collaboration.Projections;

namespace Collaboration.Api.Tests.Architecture;

/// <summary>
/// ADR 0015: the web host is a leaf. The audit library, the CLI and the benchmarks over the libraries run without it, so
/// nothing references <c>Collaboration.Api</c> but its own tests and the benchmark that hosts it; and no file of
/// shipped or benchmark code grows past what one reader takes in.
/// </summary>
public sealed class AssemblyLayoutTests
{
    private const string WebHost = "Collaboration.Api";

    private const int MaxLines = 500;

    private static readonly string[] MayReferenceTheWebHost = ["Collaboration.Api.Tests", "Collaboration.Browser.Tests", "Collaboration.Bench.Live", "Collaboration.Bench.Live.Tests"];

    [Fact]
    public void only_its_tests_and_the_live_bench_reference_the_web_host_in_their_project_files()
    {
        var graph = RepositoryLayout.ProjectGraph();

        var referrers = RepositoryLayout.ReferrersOf(WebHost, graph);

        graph.Keys.Should().Contain(["Collaboration.Audit", "Collaboration.Audit.Sqlite", "Collaboration.Cli", "Collaboration.Bench", "Collaboration.Bench.Live"]);
        referrers.Should().BeSubsetOf(MayReferenceTheWebHost, "the CLI and the library benchmarks reuse the audit library, not the web host");
        referrers.Should().Contain("Collaboration.Bench.Live");
    }

    [Fact]
    public void no_compiled_library_or_tool_references_the_web_host()
    {
        Assembly[] built =
        [
            typeof(CollabCommands).Assembly,
            typeof(AuditLogReader).Assembly,
            typeof(SqlitePersonalKeyStore).Assembly,
            typeof(ReadModels).Assembly,
            typeof(DomainEventTypes).Assembly,
            typeof(IEventStore).Assembly,
            typeof(SqliteEventStore).Assembly,
        ];

        var offenders = built
            .Where(a => a.GetReferencedAssemblies().Any(r => r.Name == WebHost || r.Name == "MudBlazor" || r.Name!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)))
            .Select(a => a.GetName().Name)
            .ToList();

        offenders.Should().BeEmpty();
        typeof(AssemblyLayoutTests).Assembly.GetReferencedAssemblies().Should().Contain(r => r.Name == WebHost, "the check reads real metadata");
    }

    [Fact]
    public void the_reference_check_follows_references_through_other_projects()
    {
        var graph = new Dictionary<string, IReadOnlyList<string>>
        {
            ["Host"] = ["Library"],
            ["Tool"] = ["Helper"],
            ["Helper"] = ["Host"],
            ["Other"] = ["Library"],
        };

        RepositoryLayout.ReferrersOf("Host", graph).Should().BeEquivalentTo(["Helper", "Tool"]);
    }

    [Fact]
    public void no_source_file_is_over_500_lines()
    {
        var root = RepositoryLayout.Root();
        var files = RepositoryLayout.SourceFolders.SelectMany(f => RepositoryLayout.Files(f, ".cs", ".razor")).ToList();

        var tooLong = files
            .Select(f => (File: Path.GetRelativePath(root, f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > MaxLines)
            .Select(f => $"{f.File}: {f.Lines} lines")
            .ToList();

        files.Should().Contain(f => f.EndsWith("AuditModule.cs", StringComparison.Ordinal)).And.Contain(f => f.EndsWith("LiveBench.cs", StringComparison.Ordinal));
        tooLong.Should().BeEmpty($"a file holds one type or one slice; split any file over {MaxLines} lines");
    }

    [Fact]
    public void the_readme_layout_table_names_every_project()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryLayout.Root(), "README.md"));
        var layout = readme[readme.IndexOf("## Layout", StringComparison.Ordinal)..];
        layout = layout[..layout.IndexOf("\n## ", 1, StringComparison.Ordinal)];

        var missing = RepositoryLayout.ProjectPaths()
            .Select(p => Path.GetDirectoryName(p)!.Replace(Path.DirectorySeparatorChar, '/'))
            .Where(folder => !layout.Contains($"| `{folder}` |", StringComparison.Ordinal))
            .ToList();

        missing.Should().BeEmpty("README's layout table lists every project of Collaboration.sln");
    }

    [Fact]
    public void every_collab_verb_is_a_file_of_its_own()
    {
        var commands = Path.Combine(RepositoryLayout.Root(), "src", "Collaboration.Cli", "Commands");
        var verbs = CollabCommands.Create().Subcommands.Select(c => c.Name).ToList();

        var missing = verbs.Where(v => !File.Exists(Path.Combine(commands, FileOf(v)))).ToList();

        verbs.Should().HaveCountGreaterThan(5);
        missing.Should().BeEmpty("each verb is declared in Commands/<Verb>Command.cs");
        File.ReadAllText(Path.Combine(commands, "..", "CollabCommands.cs")).Should().NotContain("SetAction", "the root only lists the verbs");
    }

    private static string FileOf(string verb) =>
        string.Concat(verb.Split('-').Select(part => char.ToUpperInvariant(part[0]) + part[1..])) + "Command.cs";
}
