using Ferry.Testsuite.Support;

namespace Ferry.Testsuite.Metadata;

/// <summary>
/// The project trees of Cargo's own test suite (<c>conformance/cargo-testsuite-fixtures</c>, the
/// <c>cargo add</c>/<c>remove</c>/... snapshots: 433 workspaces, valid and invalid), each copied with
/// stub sources and run through <c>metadata --no-deps</c> by cargo and ferry: the same exit code, the
/// same stderr, the same JSON.
/// </summary>
public sealed class CargoTestsuiteManifestTests
{
    private static string Base => Path.Combine(RepoPaths.Conformance, "cargo-testsuite-fixtures", "testsuite");

    public static TheoryData<string> Roots()
    {
        var data = new TheoryData<string>();
        foreach (var manifest in Directory.EnumerateFiles(Base, "Cargo.toml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var dir = Path.GetDirectoryName(manifest)!;
            var top = true;
            for (var parent = Path.GetDirectoryName(dir); parent is not null && parent.Length > Base.Length; parent = Path.GetDirectoryName(parent))
            {
                if (File.Exists(Path.Combine(parent, "Cargo.toml")))
                {
                    top = false;
                    break;
                }
            }

            if (top)
            {
                data.Add(Path.GetRelativePath(Base, dir));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Roots))]
    public void MetadataMatchesCargo(string root)
    {
        using var sandbox = new Sandbox();
        var work = sandbox.Path("ws");
        WorkspaceStubber.CopyAndStub(Path.Combine(Base, root), work);
        var (cargo, ferry) = Differential.Run(sandbox, work, Fixture.DefaultArgs);
        Differential.AssertSameJson(sandbox, cargo, ferry);
    }
}
