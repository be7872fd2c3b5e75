using System.Text;
using Ferry.Testsuite.Support;
using Ferry.Testsuite.Tree;

namespace Ferry.Testsuite.Resolve;

/// <summary>
/// Every kind of resolver error, each made by a small hand-written registry and workspace, run
/// through cargo and ferry (<c>generate-lockfile</c>, or the command the case needs): the exit
/// code, stdout and the whole stderr must be the same (temp paths redacted), and the lockfile
/// left behind too.
/// </summary>
public sealed class ResolverErrorTests
{
    public static TheoryData<string> Cases() =>
    [
        "semver-conflict",
        "links-conflict",
        "missing-feature-similar",
        "missing-feature-available",
        "missing-feature-none",
        "optional-dep-with-dep-syntax",
        "required-dep-as-feature",
        "no-matching-package-similar",
        "no-matching-package-spellings",
        "no-matching-package",
        "version-not-found",
        "version-not-found-locked",
        "prerelease-hint",
        "path-dependency-locked",
        "offline",
        "yanked",
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesCargo(string name)
    {
        using var sandbox = new Sandbox();
        var registry = Path.Combine(sandbox.RootDirectory, "registry");
        using var server = new StaticRegistryServer(registry);
        File.WriteAllText(Path.Combine(sandbox.CargoHome, "config.toml"), server.CargoConfig + "\n[net]\nretry = 0\n");
        var comparison = new TreeComparison(sandbox);
        var index = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);
        void Publish(string crate, string version, string deps = "[]", string features = "{}", bool yanked = false, string? links = null)
        {
            if (!index.TryGetValue(crate, out var lines))
            {
                index[crate] = lines = new StringBuilder();
            }

            var linksField = links is null ? string.Empty : $",\"links\":\"{links}\"";
            lines.Append($"{{\"name\":\"{crate}\",\"vers\":\"{version}\",\"deps\":{deps},\"cksum\":\"{new string('1', 64)}\",\"features\":{features},\"yanked\":{(yanked ? "true" : "false")}{linksField}}}\n");
        }

        static string Dep(string crate, string req, bool optional = false, string features = "[]") =>
            $"{{\"name\":\"{crate}\",\"req\":\"{req}\",\"features\":{features},\"optional\":{(optional ? "true" : "false")},\"default_features\":true,\"target\":null,\"kind\":\"normal\"}}";

        var dependencies = string.Empty;
        var before = new List<string[]>();
        string[] command = ["generate-lockfile"];
        var files = new Dictionary<string, string>();
        string expected;
        switch (name)
        {
            case "semver-conflict":
                expected = "all possible versions conflict with previously selected packages.";
                Publish("shared", "1.0.0");
                Publish("shared", "1.1.0");
                Publish("user", "1.0.0", $"[{Dep("shared", "=1.0.0")}]");
                Publish("other", "2.0.0", $"[{Dep("shared", "=1.1.0")}]");
                dependencies = "user = \"1\"\nother = \"2\"\n";
                break;
            case "links-conflict":
                expected = "links to the native library `z`";
                Publish("zlib-a", "1.0.0", links: "z");
                Publish("zlib-b", "1.0.0", links: "z");
                dependencies = "zlib-a = \"1\"\nzlib-b = \"1\"\n";
                break;
            case "missing-feature-similar":
                expected = " package `foo` does have feature `serde`";
                Publish("foo", "1.0.0", features: "{\"serde\":[],\"std\":[]}");
                dependencies = "foo = { version = \"1\", features = [\"serd\"] }\n";
                break;
            case "missing-feature-available":
                expected = " available features: alloc, default, std";
                Publish("foo", "1.0.0", features: "{\"std\":[],\"alloc\":[],\"default\":[\"std\"]}");
                dependencies = "foo = { version = \"1\", features = [\"nothing-like-it\"] }\n";
                break;
            case "missing-feature-none":
                expected = "` does not have that feature.\n\n\nfailed to select";
                Publish("foo", "1.0.0");
                dependencies = "foo = { version = \"1\", features = [\"nothing-like-it\"] }\n";
                break;
            case "optional-dep-with-dep-syntax":
                expected = " An optional dependency with that name exists";
                Publish("bar", "1.0.0");
                Publish("foo", "1.0.0", $"[{Dep("bar", "1", optional: true)}]", "{\"extra\":[\"dep:bar\"]}");
                dependencies = "foo = { version = \"1\", features = [\"bar\"] }\n";
                break;
            case "required-dep-as-feature":
                expected = " A required dependency with that name exists";
                Publish("bar", "1.0.0");
                Publish("foo", "1.0.0", $"[{Dep("bar", "1")}]");
                dependencies = "foo = { version = \"1\", features = [\"bar\"] }\n";
                break;
            case "no-matching-package-similar":
                // A sparse registry is only asked for the other spellings with `-` and `_`.
                expected = "perhaps you meant:      serde_json";
                Publish("serde", "1.0.0");
                Publish("serde_json", "1.0.0");
                dependencies = "serde-json = \"1\"\n";
                break;
            case "no-matching-package-spellings":
                // Several other spellings exist; Cargo names the first it finds.
                expected = "perhaps you meant:      a_b_c_d\n";
                foreach (var similar in new[] { "a_b_c_d", "a-b_c-d", "a_b-c_d", "a-b-c_d", "a_b_c-d" })
                {
                    Publish(similar, "1.0.0");
                }

                dependencies = "a-b-c-d = \"1\"\n";
                break;
            case "no-matching-package":
                expected = "no matching package named `completely-different` found";
                Publish("serde", "1.0.0");
                dependencies = "completely-different = \"1\"\n";
                break;
            case "version-not-found":
                expected = "candidate versions found which didn't match: 0.4.0, 0.3.0, 0.2.0, ...";
                foreach (var version in new[] { "0.1.0", "0.2.0", "0.3.0", "0.4.0" })
                {
                    Publish("foo", version);
                }

                dependencies = "foo = \"2\"\n";
                break;
            case "version-not-found-locked":
                expected = "(locked to 1.0.5)";
                Publish("foo", "1.0.0");
                Publish("foo", "1.0.1");
                dependencies = "foo = \"1\"\n";
                files["Cargo.lock"] = LockWith("foo", "1.0.5");
                command = ["metadata", "--format-version", "1", "--locked"];
                break;
            case "prerelease-hint":
                expected = "if you are looking for the prerelease package it needs to be specified explicitly";
                Publish("foo", "1.0.0-alpha.1");
                Publish("foo", "0.9.0");
                dependencies = "foo = \"1\"\n";
                break;
            case "path-dependency-locked":
                // Cargo 1.95 does not lock a path dependency whose version changed, so its
                // "consider running `cargo update`" hint does not show here.
                expected = "candidate versions found which didn't match: 0.2.0\nlocation searched: [ROOT]/p\n";
                files["p/Cargo.toml"] = "[package]\nname = \"p\"\nversion = \"0.2.0\"\nedition = \"2021\"\n";
                files["p/src/lib.rs"] = string.Empty;
                dependencies = "p = { path = \"p\", version = \"0.1\" }\n";
                files["Cargo.lock"] = LockWithPath("p", "0.1.0");
                command = ["metadata", "--format-version", "1"];
                break;
            case "offline":
                expected = "As a reminder, you're using offline mode (--offline)";
                Publish("foo", "1.0.0");
                dependencies = "foo = \"1\"\n";
                command = ["generate-lockfile", "--offline"];
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, null);
            case "yanked":
                expected = "version 1.0.1 is yanked";
                Publish("foo", "1.0.0");
                Publish("foo", "1.0.1", yanked: true);
                dependencies = "foo = \"=1.0.1\"\n";
                break;
        }

        foreach (var (crate, lines) in index)
        {
            var file = Path.Combine(registry, "index", IndexPath(crate));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, lines.ToString());
        }

        foreach (var work in new[] { comparison.CargoWork, comparison.FerryWork })
        {
            File.WriteAllText(Path.Combine(work, "Cargo.toml"), $"[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\n{dependencies}");
            Directory.CreateDirectory(Path.Combine(work, "src"));
            File.WriteAllText(Path.Combine(work, "src", "lib.rs"), string.Empty);
            foreach (var (path, contents) in files)
            {
                var full = Path.Combine(work, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, contents);
            }
        }

        foreach (var args in before)
        {
            comparison.Run(args);
        }

        comparison.Run(command);
        Assert.True(comparison.Failed == 0, comparison.Failures);
        Assert.True(comparison.LastCargoStderr.Contains(expected, StringComparison.Ordinal), $"the case should provoke `{expected}`; cargo said:\n{comparison.LastCargoStderr}");
    }

    private static string IndexPath(string crate) => crate.Length switch
    {
        1 => Path.Combine("1", crate),
        2 => Path.Combine("2", crate),
        3 => Path.Combine("3", crate[..1], crate),
        _ => Path.Combine(crate[..2], crate[2..4], crate),
    };

    private static string LockWith(string crate, string version) =>
        "# This file is automatically @generated by Cargo.\n# It is not intended for manual editing.\nversion = 4\n\n"
        + $"[[package]]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = [\n \"{crate}\",\n]\n\n"
        + $"[[package]]\nname = \"{crate}\"\nversion = \"{version}\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\nchecksum = \"{new string('1', 64)}\"\n";

    private static string LockWithPath(string crate, string version) =>
        "# This file is automatically @generated by Cargo.\n# It is not intended for manual editing.\nversion = 4\n\n"
        + $"[[package]]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = [\n \"{crate}\",\n]\n\n"
        + $"[[package]]\nname = \"{crate}\"\nversion = \"{version}\"\n";
}
