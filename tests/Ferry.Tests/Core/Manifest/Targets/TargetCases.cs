using System.Collections.Immutable;

namespace Ferry.Tests.Core.Manifest.Targets;

/// <summary>
/// The fixtures replayed against the real Cargo by <see cref="TargetDifferentialTests"/>. Each
/// one isolates a rule of target normalization; the comment says which, the oracle says what is
/// right. Cases avoid things Cargo itself leaves unordered (several files shared between
/// targets, "similar name" ties), because directory order is the same for both sides but hash
/// map order is not.
/// </summary>
internal static class TargetCases
{
    public static ImmutableArray<TargetCase> All { get; } =
    [
        // --- discovery ---
        C("lib-only").WithFiles("src/lib.rs"),
        C("bin-only").WithFiles("src/main.rs"),
        C("lib-and-bin").WithFiles("src/lib.rs", "src/main.rs"),
        C("full-layout").WithFiles(
            "src/lib.rs", "src/main.rs", "src/bin/zz.rs", "src/bin/aa.rs", "src/bin/d/main.rs",
            "examples/e1.rs", "examples/e2/main.rs", "tests/t.rs", "tests/t2/main.rs",
            "benches/b.rs", "benches/b2/main.rs", "build.rs"),
        C("bin-dir-only").WithFiles("src/bin/a.rs", "src/bin/b/main.rs"),
        C("ignored-entries").WithFiles(
            "src/main.rs", "src/bin/.hidden.rs", "src/bin/notes.txt", "src/bin/.dotdir/main.rs",
            "src/bin/nomain/lib.rs", "src/bin/upper.RS", "examples/readme.md", "tests/.t.rs", "benches/b/mod.rs", "src/bin/rs")
            .WithDirectories("examples/empty", "tests/empty"),
        C("odd-file-names").Named("foo-bar").WithFiles(
            "src/lib.rs", "src/main.rs", "src/bin/my-tool.rs", "src/bin/x.y.rs", "src/bin/sp ace.rs", "src/bin/UP.rs", "src/bin/_u.rs"),
        C("directories-named-like-files").WithFiles("src/main.rs", "src/bin/dirrs.rs/main.rs", "src/bin/mainisdir/main.rs/x"),
        C("symlinks-are-not-directories").WithFiles("src/main.rs", "real/d/main.rs", "real/f.rs")
            .WithSymlink("src/bin/linkdir", "../../real/d")
            .WithSymlink("src/bin/linkdir.rs", "../../real/d")
            .WithSymlink("src/bin/linkfile.rs", "../../real/f.rs")
            .WithSymlink("src/bin/broken.rs", "../../real/nothing.rs"),
        C("broken-symlinks-do-not-exist").WithFiles("src/lib.rs")
            .WithSymlink("src/main.rs", "nothing.rs")
            .WithSymlink("src/bin/d/main.rs", "nothing.rs")
            .WithSymlink("build.rs", "nothing.rs"),
        C("symlinked-entry-points").WithFiles("real/m.rs", "real/b.rs", "real/d/main.rs")
            .WithSymlink("src/main.rs", "../real/m.rs")
            .WithSymlink("build.rs", "real/b.rs")
            .WithSymlink("src/bin/d", "../../real/d")
            .WithSymlink("src/lib.rs", "lib.rs"),
        C("build-rs-auto").WithFiles("src/lib.rs", "build.rs"),
        C("build-rs-directory-ignored").WithFiles("src/lib.rs", "build.rs/x"),

        // --- declared targets merged with inferred ones ---
        C("explicit-bin-path-suppresses-inferred").WithFiles("src/main.rs", "src/bin/other.rs")
            .WithBins(TargetSpec.At("tool", "src/main.rs")),
        C("explicit-bin-name-takes-inferred-path").WithFiles("src/main.rs", "src/bin/other.rs").WithFeatures("a")
            .WithBins(TargetSpec.Named("other").RequiredFeatures("a")),
        C("explicit-path-equal-by-components").WithFiles("src/main.rs", "examples/a.rs")
            .WithBins(TargetSpec.At("x", "./src//main.rs"))
            .WithExamples(TargetSpec.At("y", "examples/./a.rs/")),
        C("explicit-bin-named-like-package").WithFiles("src/main.rs").WithBins(TargetSpec.Named("demo").Test(false)),
        C("bin-same-name-as-lib").WithFiles("src/main.rs", "src/lib.rs", "src/b.rs")
            .WithLib(TargetSpec.Named("q"))
            .WithBins(TargetSpec.At("demo", "src/main.rs"), TargetSpec.At("q", "src/b.rs")),
        C("custom-lib-path-and-name").WithFiles("lib/mod.rs", "src/main.rs").WithLib(TargetSpec.At("core_x", "lib/mod.rs")),
        C("autobins-false-explicit-only").AutoBins(false).WithFiles("src/lib.rs", "src/main.rs", "src/bin/foo.rs", "src/bin/bar.rs")
            .WithBins(TargetSpec.Named("foo"), TargetSpec.Named("demo")),
        C("autobins-false-nothing-left").AutoBins(false).WithFiles("src/main.rs", "src/bin/bar.rs"),
        C("fully-declared-keeps-declaration-order").AutoBins(false).AutoExamples(false).WithFiles("src/main.rs")
            .WithBins(TargetSpec.At("z", "src/main.rs"), TargetSpec.At("a", "src/a.rs"))
            .WithExamples(TargetSpec.At("z", "z.rs"), TargetSpec.At("a", "a.rs")),
        C("declared-targets-are-sorted").AutoBins(false).WithFiles("src/main.rs", "src/bin/a.rs")
            .WithBins(TargetSpec.At("z", "src/main.rs"), TargetSpec.Named("a"))
            .WithExamples(TargetSpec.At("z", "z.rs"), TargetSpec.At("a", "a.rs")),
        C("autolib-false-ignores-lib-rs").AutoLib(false).WithFiles("src/main.rs", "src/lib.rs"),
        C("autolib-false-declared-lib").AutoLib(false).WithFiles("src/main.rs", "src/lib.rs").WithLib(TargetSpec.Empty.Path("src/lib.rs")),
        C("autotests-false-declared-test-found-by-name").AutoTests(false).WithFiles("src/lib.rs", "tests/a.rs", "tests/b.rs")
            .WithTests(TargetSpec.Named("a").Harness(false)),
        C("empty-bin-list-2021").WithEmptyBinList().WithFiles("src/main.rs", "src/bin/a.rs"),
        C("empty-bin-list-2015").InEdition(null).WithEmptyBinList().WithFiles("src/main.rs", "src/bin/a.rs"),
        C("path-normalization").WithFiles("src/main.rs", "src/lib.rs").WithBins(
            TargetSpec.At("a", "../outside/main.rs"), TargetSpec.At("b", "./src/../src/x.rs"), TargetSpec.At("c", "/abs/c.rs"),
            TargetSpec.At("d", "src//x/./y.rs"), TargetSpec.At("e", "../../a/../../b.rs"), TargetSpec.At("f", "src/")),

        // --- edition 2015 ---
        C("e2015-explicit-bin-disables-inference").InEdition("2015").WithFiles("src/main.rs").WithBins(TargetSpec.Named("foo")),
        C("e2015-no-edition-key").InEdition(null).WithFiles("src/main.rs", "src/bin/a.rs").WithBins(TargetSpec.At("foo", "src/main.rs")),
        C("e2015-examples-tests-benches").InEdition("2015").WithFiles(
                "src/lib.rs", "examples/e1.rs", "examples/e2.rs", "examples/e3/main.rs",
                "tests/t1.rs", "tests/t2.rs", "benches/b1.rs", "benches/b2.rs")
            .WithExamples(TargetSpec.Named("e1")).WithTests(TargetSpec.At("t1", "tests/t1.rs")).WithBenches(TargetSpec.Named("b1")),
        C("e2015-explicit-auto-flags-silence").InEdition("2015").AutoExamples(true).AutoTests(false)
            .WithFiles("src/lib.rs", "examples/e1.rs", "examples/e2.rs", "tests/t1.rs", "tests/t2.rs")
            .WithExamples(TargetSpec.Named("e1")).WithTests(TargetSpec.At("t1", "tests/t1.rs")),
        C("e2018-explicit-targets-keep-inference").InEdition("2018").WithFiles(
                "src/lib.rs", "src/main.rs", "src/bin/x.rs", "examples/e1.rs", "examples/e2.rs", "tests/t1.rs", "tests/t2.rs")
            .WithBins(TargetSpec.Named("x")).WithExamples(TargetSpec.Named("e1")).WithTests(TargetSpec.At("t1", "tests/t1.rs")),
        C("e2015-legacy-lib-path").InEdition("2015").Named("foo").WithFiles("src/foo.rs").WithLib(TargetSpec.Named("foo")),
        C("e2015-legacy-lib-path-unnamed").InEdition("2015").Named("foo").WithFiles("src/foo.rs").WithLib(TargetSpec.Empty),
        C("e2018-no-legacy-lib-path").InEdition("2018").Named("foo").WithFiles("src/foo.rs").WithLib(TargetSpec.Named("foo")),
        C("e2015-legacy-bin-own-file").InEdition("2015").WithFiles("src/x.rs").WithBins(TargetSpec.Named("x")),
        C("e2015-legacy-bin-main-in-bin-dir").InEdition("2015").WithFiles("src/x.rs", "src/lib.rs", "src/bin/main.rs")
            .WithBins(TargetSpec.Named("x")),
        C("e2015-legacy-bench").InEdition("2015").WithFiles("src/lib.rs", "src/bench.rs").WithBenches(TargetSpec.Named("bench")),
        C("e2015-ambiguous-path-falls-back").InEdition("2015").WithFiles("src/bin/foo.rs", "src/bin/foo/main.rs", "src/main.rs")
            .WithBins(TargetSpec.Named("foo")),
        C("e2015-subdirectory-listed").InEdition("2015").WithFiles("src/lib.rs", "examples/e3/main.rs", "examples/e2.rs")
            .WithExamples(TargetSpec.Named("e3")),

        // --- missing or ambiguous files ---
        C("ambiguous-bin-path").WithFiles("src/bin/foo.rs", "src/bin/foo/main.rs").WithBins(TargetSpec.Named("foo")),
        C("missing-bin-with-hint").WithFiles("src/bin/foo.rs").WithBins(TargetSpec.Named("fob")),
        C("missing-bin-hint-from-package-bin").Named("a1").WithFiles("src/main.rs").WithBins(TargetSpec.Named("foo")),
        C("missing-bin-without-hint").WithFiles("src/main.rs").WithBins(TargetSpec.Named("unrelated")),
        C("missing-bin-commonly-wrong-dir").WithFiles("src/lib.rs", "src/bins/b1/main.rs").WithBins(TargetSpec.Named("b1")),
        C("missing-example-is-deferred").WithFiles("src/lib.rs", "tests/t2.rs", "examples/nope2.rs", "bench/b1.rs")
            .WithExamples(TargetSpec.Named("nope")).WithTests(TargetSpec.Named("t1")).WithBenches(TargetSpec.Named("b1")),
        C("missing-test-commonly-wrong-dir").WithFiles("src/lib.rs", "test/t1/main.rs").WithTests(TargetSpec.Named("t1")),
        C("missing-bench-commonly-wrong-dir").WithFiles("src/lib.rs", "bench/b1.rs").WithBenches(TargetSpec.Named("b1")),
        C("ambiguous-example-is-deferred").WithFiles("src/lib.rs", "examples/x.rs", "examples/x/main.rs").WithExamples(TargetSpec.Named("x")),
        C("e2015-missing-test-has-no-legacy").InEdition("2015").WithFiles("src/lib.rs", "src/t.rs").WithTests(TargetSpec.Named("t")),
        C("first-deferred-error-wins").WithFiles("src/main.rs", "src/lib.rs", "src/y.rs")
            .WithLib(TargetSpec.Empty.ProcMacroUnderscore(true))
            .WithBins(
                TargetSpec.At("x", "src/main.rs").CrateType("lib").ProcMacro(true),
                TargetSpec.At("y", "src/y.rs").CrateTypeUnderscore("lib", "dylib"))
            .WithExamples(TargetSpec.Named("nope")),
        C("missing-lib-file").WithFiles("src/main.rs").WithLib(TargetSpec.Named("mylib")),

        // --- names ---
        C("duplicate-inferred-bins").WithFiles("src/bin/foo.rs", "src/bin/foo/main.rs"),
        C("duplicate-bins").WithFiles("src/lib.rs").WithBins(TargetSpec.At("a", "x.rs"), TargetSpec.At("a", "y.rs")),
        C("duplicate-examples").WithFiles("src/lib.rs").WithExamples(TargetSpec.At("a", "x.rs"), TargetSpec.At("a", "y.rs")),
        C("duplicate-tests").WithFiles("src/lib.rs").WithTests(TargetSpec.At("a", "x.rs"), TargetSpec.At("a", "y.rs")),
        C("duplicate-benches").WithFiles("src/lib.rs").WithBenches(TargetSpec.At("a", "x.rs"), TargetSpec.At("a", "y.rs")),
        C("bin-name-empty").WithFiles("src/main.rs").WithBins(TargetSpec.At(string.Empty, "src/main.rs")),
        C("bin-name-blank-sorts-first").WithFiles("src/main.rs").WithBins(TargetSpec.At("a b/c.d", "src/main.rs"), TargetSpec.At(" ", "src/main.rs")),
        C("bin-name-padded-is-kept").WithFiles("src/main.rs").WithBins(TargetSpec.At(" x ", "src/main.rs")),
        C("bin-name-missing").WithFiles("src/main.rs").WithBins(TargetSpec.Empty.Path("src/main.rs")),
        C("example-name-missing").WithFiles("src/lib.rs").WithExamples(TargetSpec.Empty.Path("x.rs")),
        C("bench-name-missing").WithFiles("src/lib.rs").WithBenches(TargetSpec.Empty.Path("x.rs")),
        C("lib-name-empty").WithFiles("src/lib.rs").WithLib(TargetSpec.Named(string.Empty)),
        C("lib-name-with-hyphen").WithFiles("src/lib.rs").WithLib(TargetSpec.Named("a-b")),
        C("lib-name-from-package-with-hyphens").Named("my-pkg").WithFiles("src/lib.rs"),
        C("bin-name-build-forbidden").WithFiles("src/main.rs").WithBins(TargetSpec.At("build", "src/main.rs")),
        C("bin-name-incremental-forbidden").WithFiles("src/main.rs").WithBins(TargetSpec.At("incremental", "src/main.rs")),
        C("reserved-names-allowed-elsewhere").WithFiles("src/lib.rs").WithLib(TargetSpec.Named("build"))
            .WithExamples(TargetSpec.At("build", "x.rs")).WithTests(TargetSpec.At("deps", "x.rs")),
        C("windows-reserved-name-on-unix").WithFiles("src/main.rs").WithBins(TargetSpec.At("con", "src/main.rs")),

        // --- crate types and proc macros ---
        C("proc-macro-lib").WithFiles("src/lib.rs").WithLib(TargetSpec.Empty.ProcMacro(true)),
        C("proc-macro-underscore-2021").WithFiles("src/lib.rs").WithLib(TargetSpec.Empty.ProcMacroUnderscore(true)),
        C("proc-macro-underscore-2024").InEdition("2024").WithFiles("src/lib.rs").WithLib(TargetSpec.Empty.ProcMacroUnderscore(true)),
        C("proc-macro-both-spellings").WithFiles("src/lib.rs").WithLib(TargetSpec.Empty.ProcMacroUnderscore(true).ProcMacro(false)),
        C("proc-macro-as-crate-type").WithFiles("src/lib.rs").WithLib(TargetSpec.Empty.CrateType("proc-macro")),
        C("proc-macro-crate-type-mixed").WithFiles("src/lib.rs").WithLib(TargetSpec.Empty.CrateType("proc-macro", "rlib")),
        C("proc-macro-with-rlib-crate-type").WithFiles("src/lib.rs").WithLib(TargetSpec.Empty.ProcMacro(true).CrateType("rlib")),
        C("cdylib-and-rlib").WithFiles("src/lib.rs").WithLib(TargetSpec.Empty.CrateType("cdylib", "rlib")),
        C("dylib-and-cdylib").WithFiles("src/lib.rs").WithLib(TargetSpec.Empty.CrateType("dylib", "cdylib")),
        C("staticlib-underscore-not-doctested").WithFiles("src/lib.rs").WithLib(TargetSpec.Empty.CrateTypeUnderscore("staticlib")),
        C("crate-type-underscore-2024").InEdition("2024").WithFiles("src/lib.rs").WithLib(TargetSpec.Empty.CrateTypeUnderscore("staticlib")),
        C("crate-type-both-spellings").WithFiles("src/lib.rs").WithLib(TargetSpec.Empty.CrateTypeUnderscore("staticlib").CrateType("dylib")),
        C("crate-type-unknown-and-procmacro").WithFiles("src/lib.rs").WithLib(TargetSpec.Empty.CrateType("foo", "procmacro", "lib")),
        C("crate-type-empty").WithFiles("src/lib.rs").WithLib(TargetSpec.Empty.CrateType()),
        C("bin-with-crate-type-is-deferred").WithFiles("src/main.rs").WithBins(TargetSpec.At("x", "src/main.rs").CrateType("lib")),
        C("bin-with-proc-macro-is-deferred").WithFiles("src/main.rs", "src/lib.rs").WithLib(TargetSpec.Empty.ProcMacroUnderscore(true))
            .WithBins(TargetSpec.At("x", "src/main.rs").ProcMacro(true)),
        C("bin-empty-crate-type-underscore").WithFiles("src/main.rs").WithBins(TargetSpec.At("x", "src/main.rs").CrateTypeUnderscore()),
        C("bin-proc-macro-underscore-2024").InEdition("2024").WithFiles("src/main.rs")
            .WithBins(TargetSpec.At("x", "src/main.rs").ProcMacroUnderscore(false)),
        C("example-crate-types").WithFiles("src/lib.rs", "examples/e.rs", "examples/f.rs", "examples/g.rs", "examples/h.rs", "tests/t.rs")
            .WithExamples(
                TargetSpec.Named("e").CrateType("proc-macro"), TargetSpec.Named("f").CrateType("bin"),
                TargetSpec.Named("g").CrateType("bin", "rlib"), TargetSpec.Named("h").ProcMacro(true))
            .WithTests(TargetSpec.Named("t").ProcMacroUnderscore(true).CrateTypeUnderscore("lib")),

        // --- per-target settings ---
        C("settings-on-each-kind").WithFiles("src/main.rs", "tests/t.rs", "examples/e.rs", "benches/b.rs").WithFeatures("a", "b")
            .WithBins(TargetSpec.At("x", "src/main.rs").RequiredFeatures("a", "b").Test(false).Harness(false).Doc(false))
            .WithTests(TargetSpec.Named("t").Harness(false).Test(false).Doctest(true))
            .WithExamples(TargetSpec.Named("e").Test(true).Doc(true).CrateType("lib").DocScrapeExamples(true).RequiredFeatures("a"))
            .WithBenches(TargetSpec.Named("b").Bench(false).RequiredFeatures().Test(true)),
        C("lib-settings").WithFiles("src/lib.rs").WithLib(
            TargetSpec.Empty.RequiredFeatures("x").Harness(false).Doctest(false).Test(false).Bench(false).Doc(false).DocScrapeExamples(true)),
        C("required-features-need-not-exist").WithFiles("src/main.rs").WithBins(TargetSpec.At("x", "src/main.rs").RequiredFeatures("nope")),
        C("target-edition-deprecated").WithFiles("src/main.rs", "src/lib.rs")
            .WithLib(TargetSpec.Empty.Edition("2024")).WithBins(TargetSpec.At("x", "src/main.rs").Edition("2018")),
        C("target-edition-future-year").WithFiles("src/main.rs").WithBins(TargetSpec.At("x", "src/main.rs").Edition("2030")),
        C("target-edition-unknown").WithFiles("src/lib.rs").WithLib(TargetSpec.Empty.Edition(string.Empty)),
        C("target-edition-future-accepted").WithLib(TargetSpec.Empty.Edition("future").Path("nope.rs")),
        C("filename-needs-unstable-feature").WithFiles("src/main.rs").WithBins(TargetSpec.At("x", "src/main.rs").Filename("y")),
        C("filename-ignored-off-bins").WithFiles("src/lib.rs", "examples/e.rs")
            .WithLib(TargetSpec.Empty.Filename("y")).WithExamples(TargetSpec.Named("e").Filename("q")),

        // --- build scripts and package-wide checks ---
        C("build-custom-path").Build("tools/gen.rs").WithFiles("src/lib.rs", "tools/gen.rs", "build.rs"),
        C("build-false").Build(false).WithFiles("src/lib.rs", "build.rs"),
        C("build-true-without-file").Build(true).WithFiles("src/lib.rs"),
        C("build-path-normalized").Build("./x/../gen.rs").WithFiles("src/lib.rs", "gen.rs"),
        C("build-missing-file-kept").Build("nothere.rs").WithFiles("src/lib.rs"),
        C("build-list-needs-unstable-feature").BuildScripts("a.rs", "b.rs").WithFiles("src/lib.rs", "a.rs", "b.rs"),
        C("links-without-build-script").Links("z").WithFiles("src/lib.rs"),
        C("links-with-build-script").Links("z").WithFiles("src/lib.rs", "build.rs"),
        C("no-targets-only-build-script").WithFiles("build.rs"),
        C("no-targets-at-all"),
        C("file-shared-by-targets").WithFiles("src/main.rs")
            .WithBins(TargetSpec.At("x", "src/main.rs"), TargetSpec.At("y", "src/main.rs"))
            .WithExamples(TargetSpec.At("e", "src/main.rs")),
        C("build-script-shared-with-bin").WithFiles("src/lib.rs", "build.rs").WithBins(TargetSpec.At("b", "build.rs")),
    ];

    public static ImmutableDictionary<string, TargetCase> ById { get; } = All.ToImmutableDictionary(c => c.Id);

    private static TargetCase C(string id) => new(id);
}
