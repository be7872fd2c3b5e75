using Ferry.Tests.Support;
using System.Text;

namespace Ferry.Tests.Resolver.Features;

/// <summary>
/// A differential fixture: a workspace of path packages written as one text file. Header lines
/// are <c># run: tree ARGS</c> (one per command compared; the harness adds the output format
/// flags), <c># cwd: dir</c> and free <c># ...</c> notes; then files, each introduced by
/// <c>--- relative/path</c>.
/// </summary>
internal sealed record FeatureFixture(string Name, IReadOnlyList<IReadOnlyList<string>> Runs, string? Cwd, IReadOnlyList<(string Path, string Contents)> Files)
{
    public static FeatureFixture Parse(string name, string text)
    {
        var runs = new List<IReadOnlyList<string>>();
        string? cwd = null;
        var files = new List<(string, string)>();
        string? current = null;
        var body = new StringBuilder();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
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

        if (runs.Count == 0)
        {
            throw new InvalidOperationException($"fixture {name} has no `# run:` line");
        }

        return new FeatureFixture(name, runs, cwd, files);
    }

    /// <summary>How a run is written in the recorded outputs: <c>$ tree ARGS</c>.</summary>
    public static string RunTitle(IReadOnlyList<string> run) =>
        "$ " + string.Join(' ', run.Select(a => a.Length == 0 || a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a));
}
