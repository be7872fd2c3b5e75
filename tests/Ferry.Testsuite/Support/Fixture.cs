using System.Text;

namespace Ferry.Testsuite.Support;

/// <summary>
/// A small project written as one text file: header lines (<c># args: ...</c>, <c># cwd: dir</c>,
/// <c># env: KEY=VALUE</c>, <c># note: ...</c>) and then files, each introduced by <c>--- relative/path</c>.
/// <c>[ROOT]</c> in environment values stands for the sandbox's work directory.
/// </summary>
public sealed record Fixture(string Name, IReadOnlyList<string> Args, string? Cwd, IReadOnlyDictionary<string, string> Env, IReadOnlyList<(string Path, string Contents)> Files)
{
    public static IReadOnlyList<string> DefaultArgs { get; } = ["metadata", "--no-deps", "--format-version", "1"];

    public static Fixture Parse(string name, string text)
    {
        var args = new List<string>();
        string? cwd = null;
        string? differs = null;
        var runs = new List<IReadOnlyList<string>>();
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new List<(string, string)>();
        string? current = null;
        var body = new StringBuilder();
        var lines = text.Split('\n');
        var count = text.EndsWith('\n') ? lines.Length - 1 : lines.Length;
        for (var i = 0; i < count; i++)
        {
            var rawLine = lines[i];
            var line = rawLine.TrimEnd('\r');
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
                if (line.StartsWith("# args:", StringComparison.Ordinal))
                {
                    args.AddRange(line[7..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
                }
                else if (line.StartsWith("# run:", StringComparison.Ordinal))
                {
                    runs.Add(line[6..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
                }
                else if (line.StartsWith("# cwd:", StringComparison.Ordinal))
                {
                    cwd = line[6..].Trim();
                }
                else if (line.StartsWith("# differs:", StringComparison.Ordinal))
                {
                    differs = line[10..].Trim();
                }
                else if (line.StartsWith("# env:", StringComparison.Ordinal))
                {
                    var kv = line[6..].Trim();
                    var eq = kv.IndexOf('=', StringComparison.Ordinal);
                    env[kv[..eq]] = kv[(eq + 1)..];
                }

                continue;
            }

            body.Append(rawLine).Append('\n');
        }

        if (current is not null)
        {
            files.Add((current, body.ToString()));
        }

        return new Fixture(name, args.Count == 0 ? DefaultArgs : args, cwd, env, files) { Differs = differs, Runs = runs };
    }

    /// <summary>Writes the files under <paramref name="root"/> (a trailing blank line of each section is kept, as TOML allows).</summary>
    public void WriteTo(string root)
    {
        foreach (var (path, contents) in Files)
        {
            if (path.StartsWith('!'))
            {
                continue;
            }

            var full = Path.Combine(root, path);
            if (path.EndsWith('/'))
            {
                Directory.CreateDirectory(full);
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, contents);
        }
    }

    /// <summary>
    /// A section named <c>!name</c>: not a file but an expectation (such as <c>!ferry-stderr</c> for a
    /// case where Ferry deliberately differs from Cargo), or null.
    /// </summary>
    public string? Expectation(string name)
    {
        foreach (var (path, contents) in Files)
        {
            if (path == "!" + name)
            {
                return contents;
            }
        }

        return null;
    }

    /// <summary>Several command lines to run on the same files (<c># run: ...</c> headers), in order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Runs { get; init; } = [];

    /// <summary>The <c># differs: reason</c> header, when Ferry's output is meant to differ from Cargo's.</summary>
    public string? Differs { get; init; }

    public override string ToString() => Name;
}
