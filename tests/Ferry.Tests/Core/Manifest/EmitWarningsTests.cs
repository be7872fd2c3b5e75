using Ferry.Core.Manifest;
using Ferry.Core.Workspaces;
using Ferry.Tests.Core.Manifest.Targets;
using Ferry.Util.Diagnostics;

namespace Ferry.Tests.Core.Manifest;

/// <summary>
/// <see cref="Workspace.EmitWarnings"/> against <c>cargo fetch --offline</c>: unprefixed warnings for a
/// lone package, path-prefixed ones in a workspace, and a deferred target error failing the command.
/// Cargo walks its manifests in hash-map order, different on every run; Ferry uses the order it read
/// them, so manifests are compared as sets (each manifest's own warnings keep their order).
/// </summary>
public sealed class EmitWarningsTests
{
    [Fact]
    public void LonePackageWarningsThenDeferredError()
    {
        using var package = new TempPackage();
        File.WriteAllText(package.Manifest, "[package]\nname = \"a\"\nversion = \"0.1.0\"\nfoo = 1\n\n[[bin]]\nname = \"a\"\npath = \"src/main.rs\"\ncrate-type = [\"lib\"]\n");
        Directory.CreateDirectory(Path.Join(package.Root, "src"));
        File.WriteAllText(Path.Join(package.Root, "src", "main.rs"), string.Empty);
        AssertLikeCargo(package);
    }

    [Fact]
    public void WorkspaceWarningsArePrefixedWithTheManifestPath()
    {
        using var package = new TempPackage();
        File.WriteAllText(package.Manifest, "[workspace]\nmembers = [\"m\"]\nresolver = \"2\"\nbar = 2\n");
        Directory.CreateDirectory(Path.Join(package.Root, "m", "src"));
        File.WriteAllText(Path.Join(package.Root, "m", "Cargo.toml"), "[package]\nname = \"m\"\nversion = \"0.1.0\"\n");
        File.WriteAllText(Path.Join(package.Root, "m", "src", "lib.rs"), string.Empty);
        AssertLikeCargo(package, Path.Join(package.Root, "m"));
    }

    private static void AssertLikeCargo(TempPackage package, string? cwd = null)
    {
        var directory = cwd ?? package.Root;
        var cargo = CargoOracle.Fetch(directory, package.CargoHome);
        var environment = new TestEnvironment(directory, package.CargoHome);
        var text = new System.Text.StringBuilder();
        try
        {
            var workspace = Workspace.Load(Path.Join(directory, "Cargo.toml"), new ManifestLoader(environment));
            workspace.EmitWarnings(environment);
        }
        catch (FerryException e)
        {
            text.Append("error: ").Append(e.Message).Append('\n');
            for (var cause = e.InnerException; cause is not null; cause = cause.InnerException)
            {
                text.Append("\nCaused by:\n  ").Append(cause.Message.Replace("\n", "\n  ", StringComparison.Ordinal)).Append('\n');
            }
        }

        var warnings = string.Concat(environment.Warnings.Select(w => "warning: " + w + "\n"));
        Assert.Equal(Sorted(cargo.Stderr), Sorted(warnings + text));
    }

    /// <summary>The lines grouped by the manifest path they start with, groups sorted.</summary>
    private static List<string> Sorted(string stderr)
    {
        var groups = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in stderr.Split('\n'))
        {
            var key = line.StartsWith("warning: /", StringComparison.Ordinal) ? line[..line.IndexOf(": ", 10, StringComparison.Ordinal)] : "~";
            groups[key] = groups.GetValueOrDefault(key, string.Empty) + line + "\n";
        }

        return [.. groups.Values];
    }
}
