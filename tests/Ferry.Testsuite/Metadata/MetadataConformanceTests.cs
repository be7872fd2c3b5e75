using Ferry.Testsuite.Support;

namespace Ferry.Testsuite.Metadata;

/// <summary>
/// <c>metadata --no-deps --format-version 1</c> on real workspaces (every workspace under
/// <c>conformance/lockfiles</c>, the registry example projects), ferry against the installed cargo.
/// The trees hold only manifests, so empty source files are created for the targets they imply.
/// </summary>
public sealed class MetadataConformanceTests
{
    public static TheoryData<string> Workspaces()
    {
        var data = new TheoryData<string>();
        var lockfiles = Path.Combine(RepoPaths.Conformance, "lockfiles");
        foreach (var dir in Directory.GetDirectories(lockfiles).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(dir);
            if (name is "cargo-bench-workspaces" or "ripgrep-history")
            {
                foreach (var sub in Directory.GetDirectories(dir).Order(StringComparer.Ordinal))
                {
                    data.Add($"lockfiles/{name}/{Path.GetFileName(sub)}");
                }
            }
            else
            {
                data.Add($"lockfiles/{name}");
            }
        }

        foreach (var project in Directory.GetDirectories(Path.Combine(RepoPaths.SharedRegistry, "projects")).Order(StringComparer.Ordinal))
        {
            data.Add($"registry/projects/{Path.GetFileName(project)}");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Workspaces))]
    public void MetadataMatchesCargo(string workspace)
    {
        var source = workspace.StartsWith("registry/", StringComparison.Ordinal)
            ? Path.Combine(RepoPaths.SharedRegistry, workspace["registry/".Length..])
            : Path.Combine(RepoPaths.Conformance, workspace);
        using var sandbox = new Sandbox();
        var root = sandbox.Path("ws");
        WorkspaceStubber.CopyAndStub(source, root);
        var (cargo, ferry) = Differential.Run(sandbox, root, Fixture.DefaultArgs);
        Assert.True(cargo.ExitCode == 0, $"cargo failed on {workspace}:\n{cargo.Stderr}");
        Differential.AssertSameJson(sandbox, cargo, ferry);
    }
}
