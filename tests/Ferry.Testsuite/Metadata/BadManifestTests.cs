using Ferry.Testsuite.Support;

namespace Ferry.Testsuite.Metadata;

/// <summary>
/// Broken manifests and workspace layouts (<c>Metadata/Fixtures/bad/*.fixture</c>): syntax errors,
/// wrong types, bad names and references, inheritance failures, bad globs, nested and foreign
/// workspaces, unusable command-line paths. Each must fail the way the installed cargo fails: the
/// same exit code and the same stderr, byte for byte once the sandbox path is redacted. Where Ferry
/// means to differ, the fixture says why (<c># differs:</c>) and holds Ferry's whole expected stderr
/// (<c>--- !ferry-stderr</c>).
/// </summary>
public sealed class BadManifestTests
{
    public static TheoryData<string> Fixtures() => FixtureData.Names("bad");

    /// <summary>A manifest that is not UTF-8 (not expressible as a text fixture), alone and as a member.</summary>
    [Fact]
    public void ManifestThatIsNotUtf8()
    {
        using var sandbox = new Sandbox();
        sandbox.File("Cargo.toml", "[workspace]\nmembers = [\"b\"]\n");
        Directory.CreateDirectory(sandbox.Path("b", "src"));
        File.WriteAllBytes(sandbox.Path("b", "Cargo.toml"), [.. "[package]\nname = \""u8, 0xff, .. "\"\n"u8]);
        foreach (var directory in new[] { sandbox.Work, sandbox.Path("b") })
        {
            var cargo = sandbox.CargoIn(directory, [.. Fixture.DefaultArgs]);
            var ferry = sandbox.FerryIn(directory, [.. Fixture.DefaultArgs]);
            Assert.Equal(101, cargo.ExitCode);
            Assert.Equal(cargo.ExitCode, ferry.ExitCode);
            Assert.Equal(Redactions.Apply(cargo.Stderr, sandbox), Redactions.Apply(ferry.Stderr, sandbox));
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void FailsLikeCargo(string name)
    {
        var fixture = FixtureData.Load("bad", name);
        using var sandbox = FixtureData.Prepare(fixture);
        var directory = FixtureData.WorkingDirectory(sandbox, fixture);
        var ferry = sandbox.FerryIn(directory, [.. fixture.Args]);
        Assert.DoesNotContain("   at ", ferry.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", ferry.Stderr, StringComparison.Ordinal);
        if (fixture.Expectation("ferry-stderr") is { } expected)
        {
            Assert.False(string.IsNullOrEmpty(fixture.Differs), "a deliberate difference needs a `# differs:` reason");
            Assert.Equal(101, ferry.ExitCode);
            Assert.Equal(expected, Redactions.Apply(ferry.Stderr, sandbox));
            return;
        }

        var cargo = sandbox.CargoIn(directory, [.. fixture.Args]);
        Assert.True(cargo.ExitCode != 0, $"cargo accepted the fixture:\n{cargo.Stderr}");
        Assert.Equal(cargo.ExitCode, ferry.ExitCode);
        Assert.Equal(Redactions.Apply(cargo.Stderr, sandbox), Redactions.Apply(ferry.Stderr, sandbox));
        Assert.Equal(cargo.Stdout, ferry.Stdout);
    }
}
