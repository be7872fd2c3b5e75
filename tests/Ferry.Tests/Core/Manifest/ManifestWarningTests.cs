using Ferry.Core.Manifest;
using Ferry.Tests.Core.Manifest.Targets;

namespace Ferry.Tests.Core.Manifest;

/// <summary>
/// The warnings a manifest collects (unused keys, deprecated spellings, ignored settings), compared
/// with what Cargo 1.95 prints for the same package: <c>cargo metadata</c> prints none, so the oracle
/// is <c>cargo fetch --offline</c>, whose manifest warnings come before any resolution error.
/// </summary>
public sealed class ManifestWarningTests
{
    private const string Package = "[package]\nname = \"a\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";

    public static TheoryData<string, string> Cases() => new()
    {
        { "unused-keys", "top = 1\npaths = []\n" + Package + "foo = 1\n[lib]\nbar = 2\n[[bin]]\nname = \"a\"\npath = \"src/lib.rs\"\n[[bin]]\nname = \"b\"\npath = \"src/b.rs\"\nbaz = 3\n[profile.dev]\nqux = 4\n[profile.dev.package.x]\nquux = 5\n[target.'cfg(unix)']\nzz = 6\n[hints]\nmostly-unused = true\nother = 7\n[badges]\nx = { y = \"z\" }\n" },
        { "dependency-unused-keys", Package + "[dependencies]\nfoo = { version = \"1\", frob = 1, alpha = 2 }\n[dev-dependencies]\nbar = { version = \"1\", frob = 1 }\n[target.'cfg( unix )'.build-dependencies]\nbaz = { version = \"1\", frob = 1 }\n" },
        { "underscore-spellings", Package + "[dev_dependencies]\nfoo = \"1\"\n[build_dependencies]\nbar = { version = \"1\", default_features = false }\n[build-dependencies]\nbaz = \"1\"\n[target.'cfg(unix)'.dev_dependencies]\nqux = \"1\"\n" },
        { "redundant-default-features", Package + "[dependencies]\nfoo = { version = \"1\", default-features = false, default_features = false }\n" },
        { "no-edition", "[package]\nname = \"a\"\nversion = \"0.1.0\"\n" },
        { "no-edition-msrv", "[package]\nname = \"a\"\nversion = \"0.1.0\"\nrust-version = \"1.60\"\n" },
        { "no-edition-old-msrv-quiet", "[package]\nname = \"a\"\nversion = \"0.1.0\"\nrust-version = \"1.20\"\n" },
        { "project-table", "[project]\nname = \"a\"\nversion = \"0.1.0\"\nedition = \"2021\"\n" },
        { "stable-cargo-feature", "cargo-features = [\"edition2024\", \"resolver\"]\n" + Package },
        { "license-and-license-file", Package + "license = \"MIT\"\nlicense-file = \"LICENSE\"\n" },
        { "lints", Package + "[lints.rust]\nunsafe-code = \"forbid\"\nunsafe_code = \"deny\"\nunexpected_cfgs = { level = \"warn\", check-cfg = [], other = 1 }\n[lints.cargo]\nx = \"warn\"\n[lints.made-up]\ny = \"allow\"\n" },
        { "public-dependencies", Package + "[dependencies]\nfoo = { version = \"1\", public = true }\n[dev-dependencies]\nbar = { version = \"1\", public = false }\n" },
        { "profiles", Package + "[profile.doc]\nopt-level = 1\n[profile.test]\npanic = \"abort\"\n[profile.bench]\npanic = \"unwind\"\n" },
        { "build-metadata-in-requirement", Package + "[dependencies]\nfoo = \"1.0.0+build\"\n" },
        { "git-fragment", Package + "[dependencies]\nfoo = { git = \"https://github.com/a/b#abc123\" }\n" },
        { "cfg-attributes", Package + "[target.'cfg(test)'.dependencies]\nfoo = \"1\"\n[target.'cfg(feature = \"x\")'.dependencies]\nbar = \"1\"\n[target.'cfg(any(debug_assertions, proc_macro))'.dependencies]\nbaz = \"1\"\n" },
        { "default-features-feature", Package + "[features]\ndefault-features = []\n" },
        { "workspace-keys", "[workspace]\nfoo = 1\nresolver = \"2\"\n[workspace.package]\nbar = 2\n[workspace.dependencies]\nq = { version = \"1\", frob = 3 }\n[workspace.lints.made-up]\nx = \"warn\"\n" + Package },
        { "inherited-field-keys", "[workspace.package]\nedition = \"2021\"\nversion = \"1.0.0\"\n[package]\nname = \"a\"\nedition = { workspace = true, foo = 1 }\nversion = { workspace = true, bar = 1 }\n" },
        { "inherited-dependency-keys", "[workspace.dependencies]\nfoo = \"1\"\n[package]\nname = \"a\"\nversion = \"0.1.0\"\nedition = \"2021\"\n[dependencies]\nfoo = { workspace = true, version = \"2\", zzz = 1 }\n" },
        { "inherited-default-features", "[workspace.dependencies]\nfoo = \"1\"\nbar = { version = \"1\", default-features = true }\n[package]\nname = \"a\"\nversion = \"0.1.0\"\nedition = \"2021\"\n[dependencies]\nfoo = { workspace = true, default-features = false }\nbar = { workspace = true, default-features = false }\n" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void WarningsMatchCargo(string name, string manifest)
    {
        using var package = new TempPackage();
        File.WriteAllText(package.Manifest, manifest);
        Directory.CreateDirectory(Path.Join(package.Root, "src"));
        File.WriteAllText(Path.Join(package.Root, "src", "lib.rs"), string.Empty);
        File.WriteAllText(Path.Join(package.Root, "src", "b.rs"), string.Empty);

        var cargo = CargoOracle.Fetch(package.Root, package.CargoHome);
        var expected = CargoWarnings(cargo.Stderr, package.Manifest);

        var environment = new TestEnvironment(package.Root, package.CargoHome);
        var loaded = new ManifestLoader(environment).Read(package.Manifest);
        Assert.True(expected.Count > 0 || name.EndsWith("-quiet", StringComparison.Ordinal), $"{name}: the oracle printed no warnings:\n{cargo.Stderr}");
        Assert.Equal(expected, loaded.Warnings);
    }

    /// <summary>The manifest warnings of a <c>cargo fetch</c> run, one entry per warning (multi-line ones joined).</summary>
    private static List<string> CargoWarnings(string stderr, string manifestPath)
    {
        var warnings = new List<string>();
        foreach (var line in stderr.Split('\n'))
        {
            if (line.StartsWith("warning: ", StringComparison.Ordinal))
            {
                var text = line["warning: ".Length..];
                // In a workspace Cargo prefixes each manifest warning with the manifest's path.
                if (text.StartsWith(manifestPath + ": ", StringComparison.Ordinal))
                {
                    text = text[(manifestPath.Length + 2)..];
                }

                warnings.Add(text);
            }
            else if (line.StartsWith("error", StringComparison.Ordinal))
            {
                break;
            }
            else if (warnings.Count > 0)
            {
                warnings[^1] += "\n" + line;
            }
        }

        // The last warning ran into the end of the output.
        if (warnings.Count > 0)
        {
            warnings[^1] = warnings[^1].TrimEnd('\n');
        }

        return warnings;
    }
}
