using Ferry.Cli.Args;

namespace Ferry.Tests.Cli.Args;

public sealed class HelpRendererTests
{
    [Fact]
    public void SectionsAlignAndWrapLikeClap()
    {
        var spec = new CommandSpec("metadata", "Output the resolved dependencies")
        {
            Options =
            [
                new ArgSpec("no-deps", ArgKind.Flag, "Output information only about the workspace members and don't fetch dependencies") { Long = "no-deps" },
                new ArgSpec("verbose", ArgKind.Count, "Use verbose output") { Long = "verbose", Short = 'v' },
                new ArgSpec("manifest-path", ArgKind.Value, "Path to Cargo.toml") { Long = "manifest-path", ValueName = "PATH", Heading = "Manifest Options" },
            ],
        };

        var expected =
            "Output the resolved dependencies\n\n"
            + "Usage: ferry metadata [OPTIONS]\n\n"
            + "Options:\n"
            + "      --no-deps     Output information only about the workspace members and don't fetch dependencies\n"
            + "  -v, --verbose...  Use verbose output\n\n"
            + "Manifest Options:\n"
            + "      --manifest-path <PATH>  Path to Cargo.toml\n";
        Assert.Equal(expected, HelpRenderer.Render(spec, "ferry"));
    }
}
