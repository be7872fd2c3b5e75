namespace Ferry.Testsuite.New;

/// <summary>The scenarios <see cref="NewInitDifferentialTests"/> runs with both programs.</summary>
internal static class NewInitCases
{
    private const string VirtualWorkspace = "[workspace]\nresolver = \"3\"\nmembers = []\n";

    private const string PackageTable = """
        [workspace]
        resolver = "2"
        members = [
          "crates/*",
        ]

        [workspace.package]
        authors = ["Rustaceans"]
        description = "foo"
        edition = "2018"
        homepage = "foo"
        keywords = ["foo", "bar"]
        readme = "README.md"
        rust-version = "1.67.0"
        license = "MIT OR Apache-2.0"
        publish = false
        repository = "foo"
        version = "1.2.3"

        """;

    private const string RootPackageWorkspace = "[workspace]\n\n[package]\nname = \"root\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";

    private const string MemberA = "[package]\nname = \"a\"\nversion = \"0.1.0\"\nedition = \"2024\"\n";

    /// <summary>Runs that succeed: the files, output and exit code must all match.</summary>
    public static IReadOnlyList<NewCase> Successes { get; } =
    [
        new("new-bin", ["new", "foo"]),
        new("new-lib", ["new", "foo", "--lib"]),
        new("new-vcs-none", ["new", "foo", "--vcs", "none"]),
        new("new-lib-vcs-none", ["new", "foo", "--lib", "--vcs", "none"]),
        new("new-edition-2015", ["new", "foo", "--edition", "2015"]),
        new("new-edition-2018-lib", ["new", "foo", "--edition", "2018", "--lib"]),
        new("new-edition-2021-git", ["new", "foo", "--edition", "2021", "--vcs", "git"]),
        new("new-edition-2024", ["new", "foo", "--edition", "2024", "--vcs", "none"]),
        new("new-name", ["new", "dir", "--name", "bar"]),
        new("new-dashed-name", ["new", "my-pkg", "--vcs", "none"]),
        new("new-nested-path", ["new", "a/b/c", "--vcs", "none"]),
        new("new-registry", ["new", "foo", "--registry", "my-reg", "--vcs", "none"]),
        new("new-registry-default", ["new", "foo", "--vcs", "none"]) { Files = { [".cargo/config.toml"] = "[registry]\ndefault = \"my-reg\"\n" } },
        new("new-quiet", ["new", "-q", "foo"]),
        new("new-verbose", ["new", "-v", "foo"]),
        new("new-non-ascii-warning", ["new", "ééé", "--vcs", "none"]),
        new("new-uppercase-warning", ["new", "Foo", "--vcs", "none"]),
        new("new-std-warning", ["new", "std", "--vcs", "none"]),
        new("new-windows-reserved-warning", ["new", "con", "--lib", "--vcs", "none"]),
        new("new-lib-named-deps-warning", ["new", "deps", "--lib", "--vcs", "none"]),
        new("new-colon-path-warning", ["new", "a:b", "--name", "ab", "--vcs", "none"]),
        new("new-after-double-dash", ["new", "--vcs", "none", "--", "foo"]),
        new("new-config-vcs-none", ["new", "foo"]) { Files = { [".cargo/config.toml"] = "[cargo-new]\nvcs = \"none\"\n" } },
        new("new-config-vcs-overridden", ["new", "foo", "--vcs", "git"]) { Files = { [".cargo/config.toml"] = "[cargo-new]\nvcs = \"none\"\n" } },
        new("new-config-vcs-env", ["new", "foo"]) { Env = { ["CARGO_CARGO_NEW_VCS"] = "none" } },
        new("new-config-unused-key", ["new", "foo"]) { Files = { [".cargo/config.toml"] = "[cargo-new]\nvcs = \"none\"\nname = \"me\"\nfoo = 1\n" } },
        new("new-inside-git-work-tree", ["new", "sub"]) { GitInit = ["."] },
        new("new-inside-git-subdirectory", ["new", "sub/inner"]) { GitInit = ["."], Files = { ["sub/"] = string.Empty } },
        new("new-inside-ignored-directory", ["new", "ign/x"]) { GitInit = ["."], Files = { [".gitignore"] = "ign/\n", ["ign/"] = string.Empty } },
        new("new-inside-git-explicit-git", ["new", "x", "--vcs", "git"]) { GitInit = ["."] },

        new("ws-virtual-empty-members", ["new", "crates/foo", "--vcs", "none"]) { Files = { ["Cargo.toml"] = VirtualWorkspace } },
        new("ws-virtual-no-members-key", ["new", "foo", "--lib"]) { Files = { ["Cargo.toml"] = "[workspace]\nresolver = \"3\"\n" } },
        new("ws-virtual-no-resolver-warning", ["new", "a"]) { Files = { ["Cargo.toml"] = "[workspace]\nmembers = []\n" } },
        new("ws-virtual-no-resolver-edition-2018", ["new", "a", "--edition", "2018"]) { Files = { ["Cargo.toml"] = "[workspace]\nmembers = []\n" } },
        new("ws-virtual-no-resolver-edition-2021", ["new", "a", "--edition", "2021", "-q"]) { Files = { ["Cargo.toml"] = "[workspace]\nmembers = []\n" } },
        new("ws-multiline-trailing-comma", ["new", "crates/b", "--vcs", "none"])
        {
            Files = { ["Cargo.toml"] = "[workspace]\nresolver = \"3\"\nmembers = [\n  \"crates/a\",\n]\n", ["crates/a/Cargo.toml"] = MemberA, ["crates/a/src/lib.rs"] = string.Empty },
        },
        new("ws-sorted-insert-first", ["new", "crates/0foo", "--vcs", "none", "--name", "zero"])
        {
            Files = { ["Cargo.toml"] = "[workspace]\nresolver = \"3\"\nmembers = [\n  \"crates/a\",\n]\n", ["crates/a/Cargo.toml"] = MemberA, ["crates/a/src/lib.rs"] = string.Empty },
        },
        new("ws-unsorted-members-append", ["new", "b", "--lib", "--vcs", "none"])
        {
            Files =
            {
                ["Cargo.toml"] = "[workspace]\nresolver = \"3\"\nmembers = [\n  \"z\",\n  \"a\"\n]\n",
                ["a/Cargo.toml"] = MemberA,
                ["a/src/lib.rs"] = string.Empty,
                ["z/Cargo.toml"] = "[package]\nname = \"z\"\nversion = \"0.1.0\"\n",
                ["z/src/lib.rs"] = string.Empty,
            },
        },
        new("ws-spaced-inline-members", ["new", "b", "--lib", "--vcs", "none"])
        {
            Files =
            {
                ["Cargo.toml"] = "[workspace]\nresolver = \"3\"\nmembers = [ \"a\" , \"c\" ] # comment\n",
                ["a/Cargo.toml"] = MemberA,
                ["a/src/lib.rs"] = string.Empty,
                ["c/Cargo.toml"] = "[package]\nname = \"c\"\nversion = \"0.1.0\"\n",
                ["c/src/lib.rs"] = string.Empty,
            },
        },
        new("ws-comment-only-members", ["new", "b", "--lib", "--vcs", "none"]) { Files = { ["Cargo.toml"] = "[workspace]\nresolver = \"3\"\nmembers = [\n  # nothing yet\n]\n" } },
        new("ws-glob-already-matches", ["new", "crates/foo"]) { Files = { ["Cargo.toml"] = "[workspace]\nresolver = \"2\"\nmembers = [\"crates/*\"]\n" } },
        new("ws-excluded-path", ["new", "crates/foo"]) { Files = { ["Cargo.toml"] = "[workspace]\nresolver = \"2\"\nmembers = []\nexclude = [\"crates/foo\"]\n" } },
        new("ws-root-package", ["new", "bar", "--lib"]) { Files = { ["Cargo.toml"] = RootPackageWorkspace, ["src/lib.rs"] = string.Empty } },
        new("ws-root-package-nested", ["new", "crates/bar", "--vcs", "none"]) { Files = { ["Cargo.toml"] = RootPackageWorkspace, ["src/main.rs"] = "fn main() {}\n" } },
        new("ws-package-table-inherited", ["new", "crates/foo"]) { Files = { ["Cargo.toml"] = PackageTable } },
        new("ws-package-table-edition-given", ["new", "crates/foo", "--edition", "2021"]) { Files = { ["Cargo.toml"] = PackageTable } },
        new("ws-package-table-registry-given", ["new", "crates/foo", "--registry", "foo", "--lib"]) { Files = { ["Cargo.toml"] = PackageTable } },
        new("ws-package-table-root-package", ["new", "bar", "--vcs", "none"]) { Files = { ["Cargo.toml"] = RootPackageWorkspace + "\n[workspace.package]\nversion = \"2.0.0\"\nlicense = \"MIT\"\n", ["src/lib.rs"] = string.Empty } },
        new("ws-lints-inherited", ["new", "crates/foo"]) { Files = { ["Cargo.toml"] = "[workspace]\nresolver = \"2\"\nmembers = [\"crates/*\"]\n\n[workspace.lints.rust]\nunsafe_code = \"forbid\"\n" } },
        new("ws-plain-parent-package", ["new", "x", "--vcs", "none"]) { Files = { ["Cargo.toml"] = "[package]\nname = \"d\"\nversion = \"0.1.0\"\n", ["src/main.rs"] = "fn main() {}\n" } },
        new("ws-outside-from-inside", ["new", "../out-of-workspace", "--lib"]) { Cwd = "workspace", Files = { ["workspace/Cargo.toml"] = "[workspace]\nresolver = \"2\"\n" } },
        new("ws-missing-member-warning", ["new", "x", "--vcs", "none"]) { Files = { ["Cargo.toml"] = "[workspace]\nmembers = [\"missing\"]\nresolver = \"3\"\n" } },
        new("ws-broken-root-toml", ["new", "x", "--vcs", "none"]) { Files = { ["Cargo.toml"] = "[workspace\nmembers = []\n" } },
        new("ws-parent-without-targets", ["new", "x", "--vcs", "none"]) { Files = { ["Cargo.toml"] = "[package]\nname = \"d\"\nversion = \"0.1.0\"\n" } },
        new("ws-not-a-member", ["new", "crates/a/b", "--vcs", "none"])
        {
            Files = { ["Cargo.toml"] = "[workspace]\nresolver = \"3\"\nmembers = [\"crates/*\"]\n", ["crates/a/Cargo.toml"] = MemberA, ["crates/a/src/lib.rs"] = string.Empty },
        },
        new("ws-duplicate-package-name", ["new", "crates/b", "--name", "a", "--vcs", "none"])
        {
            Files = { ["Cargo.toml"] = "[workspace]\nresolver = \"3\"\nmembers = [\"crates/a\"]\n", ["crates/a/Cargo.toml"] = MemberA, ["crates/a/src/lib.rs"] = string.Empty },
        },

        new("init-empty-dir", ["init"]) { Cwd = "p" },
        new("init-lib-vcs-none", ["init", "--lib", "--vcs", "none"]) { Cwd = "p" },
        new("init-with-path", ["init", "foo", "--vcs", "none"]),
        new("init-creates-both-directories", ["init", "x/../y", "--vcs", "none"]),
        new("init-existing-main", ["init", "--vcs", "none"]) { Cwd = "p", Files = { ["p/src/main.rs"] = "fn main() {}\n" } },
        new("init-existing-lib", ["init", "--vcs", "none"]) { Cwd = "p", Files = { ["p/src/lib.rs"] = "pub fn f() {}\n" } },
        new("init-lib-at-root", ["init", "--vcs", "none"]) { Cwd = "p", Files = { ["p/lib.rs"] = "pub fn f() {}\n" } },
        new("init-main-at-root", ["init", "--vcs", "none"]) { Cwd = "p", Files = { ["p/main.rs"] = "fn main() {}\n" } },
        new("init-name-rs-bin", ["init", "--vcs", "none"]) { Cwd = "p", Files = { ["p/p.rs"] = "fn main() {}\n" } },
        new("init-src-name-rs-lib", ["init", "--vcs", "none"]) { Cwd = "p", Files = { ["p/src/p.rs"] = "pub fn x() {}\n" } },
        new("init-bin-and-lib-at-root", ["init", "--vcs", "none"]) { Cwd = "p", Files = { ["p/p.rs"] = "fn main() {}\n", ["p/lib.rs"] = "pub fn x() {}\n" } },
        new("init-lib-requested-main-found", ["init", "--lib", "--vcs", "none"]) { Cwd = "p", Files = { ["p/src/main.rs"] = "fn main() {}\n" } },
        new("init-bin-requested-lib-found", ["init", "--bin", "--vcs", "none"]) { Cwd = "p", Files = { ["p/src/lib.rs"] = "pub fn x() {}\n" } },
        new("init-bin-with-both", ["init", "--bin", "--vcs", "none"]) { Cwd = "p", Files = { ["p/src/main.rs"] = "fn main() {}\n", ["p/src/lib.rs"] = "pub fn x() {}\n" } },
        new("init-gitignore-conflicting", ["init"]) { Cwd = "p", Files = { ["p/.gitignore"] = "foo\n/target\n" } },
        new("init-gitignore-no-newline", ["init", "--lib"]) { Cwd = "p", Files = { ["p/.gitignore"] = "foo" } },
        new("init-gitignore-crlf", ["init", "--lib"]) { Cwd = "p", Files = { ["p/.gitignore"] = "foo\r\n/target\r\n" } },
        new("init-gitignore-empty", ["init", "--lib", "--edition", "2015"]) { Cwd = "p", Files = { ["p/.gitignore"] = string.Empty } },
        new("init-existing-git-repo", ["init", "--lib"]) { Cwd = "r", GitInit = ["r"] },
        new("init-inside-git-work-tree", ["init", "--lib"]) { Cwd = "r/s", GitInit = ["r"], Files = { ["r/s/"] = string.Empty } },
        new("init-hg-detected", ["init", "--lib"]) { Cwd = "p", Files = { ["p/.hg/"] = string.Empty, ["p/.hgignore"] = "^target$\nfoo\n" } },
        new("init-pijul-detected", ["init", "--lib"]) { Cwd = "p", Files = { ["p/.pijul/"] = string.Empty } },
        new("init-fossil-detected", ["init", "--lib"]) { Cwd = "p", Files = { ["p/.fossil/"] = string.Empty, ["p/.fossil-settings/ignore-glob"] = "target\nfoo\n" } },
        new("init-vcs-override-of-two-repos", ["init", "--lib", "--vcs", "git"]) { Cwd = "p", Files = { ["p/.git/"] = string.Empty, ["p/.hg/"] = string.Empty } },
        new("init-rustfmt-config", ["init", "--lib", "--vcs", "none"]) { Cwd = "p", Files = { ["p/rustfmt.toml"] = "tab_spaces = 2\n" } },
        new("init-name-with-spaces-dir", ["init", "--name", "testing", "--vcs", "none", "--edition", "2015"]) { Cwd = "p a" },
        new("init-workspace-member-from-cwd", ["init", "--vcs", "none"]) { Cwd = "crates/foo", Files = { ["Cargo.toml"] = "[workspace]\nresolver = \"2\"\n" } },
        new("init-workspace-package-table", ["init", "crates/foo"]) { Files = { ["Cargo.toml"] = "[workspace]\nresolver = \"2\"\nmembers = [\"crates/*\"]\n\n[workspace.package]\nauthors = [\"Rustaceans\"]\n" } },
        new("init-workspace-virtual-no-resolver", ["init", "--lib", "--vcs", "none"]) { Cwd = "m", Files = { ["Cargo.toml"] = "[workspace]\nmembers = [\"m\"]\n", ["m/src/lib.rs"] = "pub fn f() {}\n" } },
    ];

    /// <summary>Runs that must fail exactly like cargo (message, exit code, and what is left on disk).</summary>
    public static IReadOnlyList<NewCase> BadInputs { get; } =
    [
        new("bad-leading-digit", ["new", "1foo"]),
        new("bad-dot-in-name", ["new", "fo.o"]),
        new("bad-space-in-name", ["new", "x", "--name", "a b"]),
        new("bad-first-character", ["new", "--", "-a"]),
        new("bad-empty-name", ["new", "x", "--name", ""]),
        new("bad-keyword", ["new", "fn"]),
        new("bad-keyword-given-name", ["new", "x", "--name", "struct"]),
        new("bad-test", ["new", "test"]),
        new("bad-build-binary", ["new", "build"]),
        new("bad-destination-exists", ["new", "foo"]) { Files = { ["foo/a"] = string.Empty } },
        new("bad-destination-dot", ["new", "."]),
        new("bad-no-file-name", ["new", ".."]),
        new("bad-init-root", ["init", "/"]),
        new("bad-init-home", ["init"]) { Cwd = "~" },
        new("bad-init-existing-manifest", ["init"]) { Cwd = "p", Files = { ["p/Cargo.toml"] = "[package]\n" } },
        new("bad-init-invalid-dir-name", ["init"]) { Cwd = "foo.bar" },
        new("bad-init-reserved-dir-name", ["init"]) { Cwd = "test" },
        new("bad-path-is-file", ["init", "afile"]) { Files = { ["afile"] = string.Empty } },
        new("bad-path-under-file", ["new", "afile/sub"]) { Files = { ["afile"] = string.Empty } },
        new("bad-edition", ["new", "x", "--edition", "2019"]),
        new("bad-edition-missing", ["new", "x", "--edition"]),
        new("bad-vcs", ["new", "x", "--vcs", "svn"]),
        new("bad-vcs-then-unknown-flag", ["new", "x", "--vcs", "svn", "--flag"]),
        new("bad-bin-and-lib", ["new", "x", "--bin", "--lib"]),
        new("bad-bin-and-lib-init", ["init", "--lib", "--bin"]),
        new("bad-missing-path", ["new"]),
        new("bad-missing-path-with-flag", ["new", "--lib"]),
        new("bad-extra-path", ["new", "x", "y"]),
        new("bad-unknown-flag", ["new", "x", "--flag"]),
        new("bad-unknown-flag-init", ["init", "foo", "--flag"]),
        new("bad-similar-flag", ["init", "--nam"]),
        new("bad-silent", ["new", "-s", "x"]),
        new("bad-flag-value", ["new", "--lib=1", "x"]),
        new("bad-registry-name", ["new", "x", "--registry", "a.b"]),
        new("bad-registry-digit", ["new", "x", "--registry", "1a"]),
        new("bad-registry-empty", ["new", "x", "--registry", ""]),
        new("bad-config-vcs", ["new", "x"]) { Files = { [".cargo/config.toml"] = "[cargo-new]\nvcs = \"svn\"\n" } },
        new("bad-config-vcs-type", ["new", "x"]) { Files = { [".cargo/config.toml"] = "[cargo-new]\nvcs = 1\n" } },
        new("bad-hg-missing", ["new", "h", "--vcs", "hg"]),
        new("bad-fossil-missing", ["new", "f", "--vcs", "fossil"]),
        new("bad-init-two-libraries", ["init", "--vcs", "none"]) { Cwd = "p", Files = { ["p/src/lib.rs"] = "pub fn x() {}\n", ["p/lib.rs"] = "pub fn y() {}\n" } },
        new("bad-init-two-binaries", ["init", "--vcs", "none"]) { Cwd = "p", Files = { ["p/src/p.rs"] = "fn main() {}\n", ["p/main.rs"] = "fn main() {}\n" } },
        new("bad-init-lib-with-both", ["init", "--lib", "--vcs", "none"]) { Cwd = "p", Files = { ["p/src/main.rs"] = "fn main() {}\n", ["p/src/lib.rs"] = "pub fn x() {}\n" } },
        new("bad-init-two-repositories", ["init", "--lib"]) { Cwd = "p", Files = { ["p/.git/"] = string.Empty, ["p/.hg/"] = string.Empty } },
        new("bad-unwritable-parent", ["new", "ro/x"]) { Files = { ["ro/"] = string.Empty }, Immutable = ["ro"] },
        new("bad-members-glob", ["new", "x", "--vcs", "none"]) { Files = { ["Cargo.toml"] = "[workspace]\nmembers = [\"a**\"]\n" } },
        new("bad-members-non-string", ["new", "x", "--vcs", "none"]) { Files = { ["Cargo.toml"] = "[workspace]\nmembers = [1]\n" } },
    ];
}
