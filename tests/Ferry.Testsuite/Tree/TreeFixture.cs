using Ferry.Tests.Support;
using System.Text;

namespace Ferry.Testsuite.Tree;

/// <summary>
/// A workspace of path packages written as one text file, with the commands to compare:
/// <c># run: tree ARGS</c> lines (single quotes group words: <c>-f '{p} {f}'</c>), an optional
/// <c># cwd: dir</c>, notes as other <c># ...</c> lines, then files each introduced by
/// <c>--- relative/path</c> (paths may climb out of the workspace with <c>../</c>, for packages
/// that must not be members). The format of the feature resolver's fixtures, which these tests
/// run too.
/// </summary>
internal sealed record TreeFixture(string Name, IReadOnlyList<IReadOnlyList<string>> Runs, string? Cwd, IReadOnlyList<(string Path, string Contents)> Files)
{
    public static TreeFixture Load(string path, string name)
    {
        var runs = new List<IReadOnlyList<string>>();
        string? cwd = null;
        var files = new List<(string, string)>();
        string? current = null;
        var body = new StringBuilder();
        foreach (var raw in File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (raw.StartsWith("--- ", StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    files.Add((current, body.ToString()));
                }

                current = raw[4..].Trim();
                body.Clear();
                continue;
            }

            if (current is not null)
            {
                body.Append(raw).Append('\n');
            }
            else if (raw.StartsWith("# run:", StringComparison.Ordinal))
            {
                runs.Add(FixtureArgs.Split(raw[6..]));
            }
            else if (raw.StartsWith("# cwd:", StringComparison.Ordinal))
            {
                cwd = raw[6..].Trim();
            }
        }

        if (current is not null)
        {
            files.Add((current, body.ToString().TrimEnd('\n') + "\n"));
        }

        return new TreeFixture(name, runs, cwd, files);
    }

    /// <summary>Writes the files with <paramref name="work"/> as the workspace directory.</summary>
    public void WriteTo(string work)
    {
        foreach (var (path, contents) in Files)
        {
            var full = Path.GetFullPath(Path.Combine(work, path));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, contents);
        }
    }


    public override string ToString() => Name;
}
