using System.Text.RegularExpressions;

namespace Ferry.Tests.Architecture;

/// <summary>
/// House rules that keep the layers honest: only the CLI writes to the console, only the
/// configuration layer reads environment variables.
/// </summary>
public sealed partial class SourceRulesTests
{
    [Fact]
    public void OnlyTheCliWritesToTheConsole()
    {
        var offenders = Scan(ConsoleUse(), allowed: path => path.Contains("/src/Ferry.Cli/", StringComparison.Ordinal));
        Assert.Empty(offenders);
    }

    [Fact]
    public void OnlyConfigurationReadsTheEnvironment()
    {
        var offenders = Scan(EnvironmentRead(), allowed: path => path.Contains("/src/Ferry.Core/Configuration/", StringComparison.Ordinal));
        Assert.Empty(offenders);
    }

    [Fact]
    public void PatternsMatchWhatTheyForbid()
    {
        Assert.Matches(ConsoleUse(), "Console.WriteLine(\"x\");");
        Assert.Matches(EnvironmentRead(), "var home = Environment.GetEnvironmentVariable(\"HOME\");");
        Assert.DoesNotMatch(EnvironmentRead(), "var id = Environment.ProcessId;");
    }

    private static List<string> Scan(Regex pattern, Func<string, bool> allowed)
    {
        var offenders = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            var path = file.Replace('\\', '/');
            if (path.Contains("/obj/", StringComparison.Ordinal) || path.Contains("/bin/", StringComparison.Ordinal) || allowed(path))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (pattern.IsMatch(lines[i]))
                {
                    offenders.Add($"{Path.GetRelativePath(RepoPaths.Root, file)}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        return offenders;
    }

    [GeneratedRegex(@"\bConsole\.(Write|WriteLine|Out|Error|OpenStandard)")]
    private static partial Regex ConsoleUse();

    [GeneratedRegex(@"\bEnvironment\.(GetEnvironmentVariable|GetEnvironmentVariables|ExpandEnvironmentVariables)\b")]
    private static partial Regex EnvironmentRead();
}
