using System.Text;

namespace Ferry.Testsuite.Build;

/// <summary>
/// A build scenario written as one text file: header lines, then the project's files, each
/// introduced by <c>--- relative/path</c>. Headers:
/// <list type="bullet">
/// <item><c># step: build -v</c> runs the tool (cargo, then ferry) with these arguments;</item>
/// <item><c># step: touch src/lib.rs</c>, <c># step: write PATH=TEXT</c> (<c>\n</c> for newlines),
/// <c># step: env KEY=VALUE</c>, <c># step: unenv KEY</c> change the world between runs;</item>
/// <item><c># step: exec target/debug/foo ARGS</c> runs a built program in both copies;</item>
/// <item><c># step: files target/doc</c> compares the names of the files under a directory,
/// <c># step: same PATH</c> a file's contents;</item>
/// <item><c># registry: local</c> points crates.io at the shared Debian-crate registry;</item>
/// <item><c># order: exact</c> compares stderr line by line instead of as a sorted multiset
/// (parallel builds print in varying order);</item>
/// <item><c># note: ...</c> says what the fixture is about.</item>
/// </list>
/// </summary>
public sealed record BuildFixture(string Name, IReadOnlyList<string> Steps, IReadOnlyList<(string Path, string Contents)> Files, bool Registry, bool ExactOrder)
{
    public static BuildFixture Parse(string name, string text)
    {
        var steps = new List<string>();
        var files = new List<(string, string)>();
        var registry = false;
        var exact = false;
        string? current = null;
        var body = new StringBuilder();
        var lines = text.Split('\n');
        var count = text.EndsWith('\n') ? lines.Length - 1 : lines.Length;
        for (var i = 0; i < count; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.StartsWith("--- ", StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    files.Add((current, body.ToString()));
                }

                current = line[4..].Trim();
                body.Clear();
                continue;
            }

            if (current is null)
            {
                if (line.StartsWith("# step:", StringComparison.Ordinal))
                {
                    steps.Add(line[7..].Trim());
                }
                else if (line.StartsWith("# registry:", StringComparison.Ordinal))
                {
                    registry = true;
                }
                else if (line.StartsWith("# order: exact", StringComparison.Ordinal))
                {
                    exact = true;
                }

                continue;
            }

            body.Append(lines[i]).Append('\n');
        }

        if (current is not null)
        {
            files.Add((current, body.ToString()));
        }

        return new BuildFixture(name, steps, files, registry, exact);
    }

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Build", "Fixtures");

    public static IEnumerable<string> Names() =>
        System.IO.Directory.GetFiles(Directory, "*.fixture").Select(p => Path.GetFileNameWithoutExtension(p)!).Order(StringComparer.Ordinal);

    public static BuildFixture Load(string name) => Parse(name, File.ReadAllText(Path.Combine(Directory, name + ".fixture")));
}
