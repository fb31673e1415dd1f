using System.Xml.Linq;

namespace Collaboration.Api.Tests.Architecture;

/// <summary>The repository as files: its root, its source files, and the project graph its project files declare.</summary>
internal static class RepositoryLayout
{
    /// <summary>The folders that hold shipped and benchmark code (tests are held to other rules).</summary>
    public static readonly string[] SourceFolders = ["src", "projections", "bench"];

    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Collaboration.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Collaboration.sln not found above the test binaries.");
    }

    /// <summary>Every file under <paramref name="folder"/> with one of the extensions, build output left out.</summary>
    public static IEnumerable<string> Files(string folder, params string[] extensions) =>
        Directory.EnumerateFiles(Path.Combine(Root(), folder), "*", SearchOption.AllDirectories)
            .Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Where(f => !IsBuildOutput(Path.GetRelativePath(Root(), f)));

    /// <summary>The project files of the solution, relative to the root.</summary>
    public static IReadOnlyList<string> ProjectPaths() =>
        File.ReadLines(Path.Combine(Root(), "Collaboration.sln"))
            .Where(l => l.StartsWith("Project(", StringComparison.Ordinal) && l.Contains(".csproj", StringComparison.Ordinal))
            .Select(l => l.Split('"')[5].Replace('\\', Path.DirectorySeparatorChar))
            .ToList();

    /// <summary>Each project of the solution (by name) and the projects its file references directly.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ProjectGraph()
    {
        var root = Root();
        return ProjectPaths().ToDictionary(
            p => Path.GetFileNameWithoutExtension(p),
            p => (IReadOnlyList<string>)XDocument.Load(Path.Combine(root, p)).Descendants("ProjectReference")
                .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar)))
                .ToList(),
            StringComparer.Ordinal);
    }

    /// <summary>The projects that reference <paramref name="target"/>, directly or through other projects.</summary>
    public static IReadOnlySet<string> ReferrersOf(string target, IReadOnlyDictionary<string, IReadOnlyList<string>> graph)
    {
        var referrers = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>([target]);
        while (pending.TryDequeue(out var current))
        {
            foreach (var (project, references) in graph)
            {
                if (references.Contains(current, StringComparer.Ordinal) && referrers.Add(project))
                {
                    pending.Enqueue(project);
                }
            }
        }

        return referrers;
    }

    private static bool IsBuildOutput(string relative) =>
        relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "TestResults");
}
