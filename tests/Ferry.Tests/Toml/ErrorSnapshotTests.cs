using System.Text.RegularExpressions;
using Ferry.Toml;
using Xunit.Abstractions;

namespace Ferry.Tests.Toml;

/// <summary>
/// Our errors against the exact texts toml-rs (the TOML crate cargo uses) prints for toml-test's invalid cases.
/// Only TOML 1.0 cases that have a snapshot are compared; where a snapshot lists several errors (recoverable
/// parsing, separated by <c>---</c>) the first is the one cargo shows. See README.md in this folder.
/// </summary>
public sealed partial class ErrorSnapshotTests
{
    /// <summary>Cases whose text is known to differ (documented in README.md). Currently none.</summary>
    private static readonly HashSet<string> KnownDifferences = new(StringComparer.Ordinal);

    private readonly ITestOutputHelper _output;

    public ErrorSnapshotTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void ErrorsMatchToml()
    {
        int compared = 0;
        int wholeText = 0;
        int position = 0;
        var mismatches = new List<string>();
        foreach (string path in TestData.Toml10Cases("invalid"))
        {
            string snapshot = Path.Combine(TestData.SnapshotRoot, Path.ChangeExtension(path, ".stderr"));
            if (!File.Exists(snapshot))
            {
                continue;
            }
            compared++;
            string expected = FirstError(File.ReadAllText(snapshot));
            var error = Assert.Throws<TomlParseException>(() => TomlDocument.Parse(File.ReadAllBytes(Path.Combine(TestData.TomlTestRoot, path))));
            string actual = Normalize(error.Render());

            var (message, line, column) = Pieces(expected);
            // Input that is not UTF-8 fails before TOML parsing: toml-rs shows only the decoder's message.
            bool piecesMatch = message == error.Reason && (line == 0 || (line == error.Line && column == error.Column));
            position += piecesMatch ? 1 : 0;
            if (actual == expected)
            {
                wholeText++;
            }
            else if (!KnownDifferences.Contains(path))
            {
                mismatches.Add($"{path}\n--- toml-rs\n{expected}\n--- ferry\n{actual}");
            }
        }
        _output.WriteLine($"toml-rs error snapshots (TOML 1.0 cases): {compared} compared");
        _output.WriteLine($"  (message, line, column) match: {position}/{compared} = {100.0 * position / compared:F1}%");
        _output.WriteLine($"  whole rendered text match:     {wholeText}/{compared} = {100.0 * wholeText / compared:F1}%");
        foreach (string m in mismatches)
        {
            _output.WriteLine(m);
        }
        Assert.True(compared >= 450, "the snapshot set looks truncated");
        Assert.Empty(mismatches);
        Assert.Equal(compared, position);
    }

    /// <summary>The first error of a snapshot, newlines normalised the way the snapshot tool stored them.</summary>
    private static string FirstError(string snapshot)
    {
        snapshot = Normalize(snapshot);
        int separator = snapshot.IndexOf("\n\n---\n", StringComparison.Ordinal);
        return separator < 0 ? snapshot : snapshot[..(separator + 1)];
    }

    /// <summary>
    /// snapbox stores snapshots with every CR or CRLF turned into LF (toml-rs prints a line containing a bare CR
    /// as is), and without a guaranteed final newline.
    /// </summary>
    private static string Normalize(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n').TrimEnd('\n') + "\n";

    [GeneratedRegex(@"^TOML parse error at line (\d+), column (\d+)\n")]
    private static partial Regex Header();

    private static (string Message, int Line, int Column) Pieces(string block)
    {
        string message = block.TrimEnd('\n').Split('\n')[^1];
        var m = Header().Match(block);
        return m.Success
            ? (message, int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))
            : (message, 0, 0);
    }
}
