using System.Collections.Immutable;
using Ferry.Core.Manifest.Targets;
using Ferry.Util.Diagnostics;

namespace Ferry.Tests.Core.Manifest.Targets;

/// <summary>
/// What <c>cargo metadata</c> does not show (harness, bench, host, doc scraping, unstable
/// features on a nightly toolchain, the normalized tables), checked against Cargo's source.
/// </summary>
public sealed class TargetModelTests
{
    [Fact]
    public void DefaultsPerKind()
    {
        var result = Discover(
            new TargetCase("defaults").WithFiles(
                "src/lib.rs", "src/main.rs", "examples/e.rs", "tests/t.rs", "benches/b.rs", "build.rs"));
        var byKind = result.Targets.ToDictionary(t => t.Kind);

        var lib = byKind[TargetKind.Lib];
        Assert.Equal((true, true, true, true, true, false, false), Flags(lib));
        Assert.True(lib.NameInferred);
        Assert.Null(lib.DocScrapeExamples);

        Assert.Equal((true, true, true, false, true, false, false), Flags(byKind[TargetKind.Bin]));
        Assert.Equal((false, false, false, false, true, false, false), Flags(byKind[TargetKind.ExampleBin]));
        Assert.Equal((true, false, false, false, true, false, false), Flags(byKind[TargetKind.Test]));
        Assert.Equal((false, true, false, false, true, false, false), Flags(byKind[TargetKind.Bench]));

        var build = byKind[TargetKind.CustomBuild];
        Assert.Equal("build-script-build", build.Name);
        Assert.Equal((false, false, false, false, true, true, false), Flags(build));
        Assert.False(build.DocScrapeExamples);
        Assert.Empty(result.Warnings);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void DeclaredSettingsOverrideDefaults()
    {
        var result = Discover(
            new TargetCase("settings").WithFiles("src/lib.rs", "tests/t.rs", "benches/b.rs")
                .WithLib(TargetSpec.Named("mylib").ProcMacro(true).DocScrapeExamples(true))
                .WithTests(TargetSpec.Named("t").Harness(false).Bench(true))
                .WithBenches(TargetSpec.Named("b").Harness(false).ProcMacroUnderscore(true)));

        var lib = result.Targets[0];
        Assert.Equal(["proc-macro"], lib.CrateTypes.ToArray());
        Assert.True(lib.ProcMacro);
        Assert.True(lib.ForHost);
        Assert.True(lib.DocScrapeExamples);
        Assert.False(lib.NameInferred);

        var test = result.Targets.Single(t => t.IsTest);
        Assert.False(test.Harness);
        Assert.True(test.Benched);

        var bench = result.Targets.Single(t => t.IsBench);
        Assert.False(bench.Harness);
        Assert.True(bench.ForHost);
        Assert.Equal(
            ["`proc_macro` is deprecated in favor of `proc-macro` and will not work in the 2024 edition\n(in the `b` benchmark target)"],
            result.Warnings.ToArray());
    }

    [Fact]
    public void NormalizedTablesCarryNamesAndPackageRelativePaths()
    {
        using var package = new TempPackage();
        var fixture = new TargetCase("normalized").WithFiles("src/main.rs", "src/bin/b/main.rs", "examples/e.rs")
            .WithExamples(TargetSpec.At("x", "./examples//e.rs"));
        fixture.Materialize(package.Root);

        var normalized = TargetDiscovery.Normalize(fixture.Input(package.Root));

        Assert.Null(normalized.Lib);
        Assert.Equal([("b", "src/bin/b/main.rs"), ("demo", "src/main.rs")], normalized.Bins.Select(b => (b.Name, b.Path)));
        Assert.Equal([("x", "examples/e.rs")], normalized.Examples.Select(b => (b.Name, b.Path)));
        Assert.Equal(["build.rs"], TargetDiscovery.Normalize(fixture.Build(true).Input(package.Root)).BuildScripts.ToArray());
    }

    [Fact]
    public void SecondPhaseWarningsFollowTheFirstPhases()
    {
        using var package = new TempPackage();
        var fixture = new TargetCase("phases").WithFiles("src/lib.rs")
            .WithLib(TargetSpec.Empty.ProcMacroUnderscore(true).Edition("2018"));
        fixture.Materialize(package.Root);
        var input = fixture.Input(package.Root);

        var normalized = TargetDiscovery.Normalize(input);
        var result = TargetDiscovery.Build(input, normalized);

        Assert.Equal(
            ["`proc_macro` is deprecated in favor of `proc-macro` and will not work in the 2024 edition\n(in the `demo` library target)"],
            normalized.Warnings.ToArray());
        Assert.Equal([.. normalized.Warnings, "`edition` is set on library `demo` which is deprecated"], result.Warnings.ToArray());
        Assert.Equal("2018", result.Targets[0].Edition);
    }

    [Fact]
    public void MultipleBuildScriptsWhenTheFeatureIsEnabled()
    {
        var result = Discover(
            new TargetCase("scripts").WithFiles("src/lib.rs", "a.rs", "tools/b.rs")
                .BuildScripts("a.rs", "./tools/b.rs").WithUnstable("multiple-build-scripts"));

        var scripts = result.Targets.Where(t => t.IsCustomBuild).ToList();
        Assert.Equal(["build-script-a", "build-script-b"], scripts.Select(t => t.Name));

        // Unlike a single script, a list is kept as written.
        Assert.EndsWith("/./tools/b.rs", scripts[1].SrcPath.Replace('\\', '/'), StringComparison.Ordinal);
    }

    [Fact]
    public void BuildScriptsNeedDistinctStems()
    {
        var error = Fails(
            new TargetCase("stems").WithFiles("src/lib.rs").BuildScripts("a/build.rs", "b/build.rs", "c.rs").WithUnstable("multiple-build-scripts"));
        Assert.Equal(
            "found build scripts with duplicate file stems, but all build scripts must have a unique file stem\n  for stem `build`: a/build.rs, b/build.rs",
            error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("x/..")]
    public void BuildPathWithoutAFileNameIsAnError(string path)
    {
        // Cargo 1.95 panics here; later Cargo reports this error.
        Assert.Equal("invalid `package.build` file name", Fails(new TargetCase("build-name").WithFiles("src/lib.rs").Build(path)).Message);
    }

    [Fact]
    public void BinaryFilenameWhenTheFeatureIsEnabled()
    {
        var result = Discover(
            new TargetCase("filename").WithFiles("src/main.rs")
                .WithBins(TargetSpec.At("x", "src/main.rs").Filename("y")).WithUnstable("different-binary-name"));
        Assert.Equal("y", result.Targets.Single().BinaryFilename);
    }

    [Fact]
    public void FeatureRequiredMessageOnNightly()
    {
        var local = Fails(
            new TargetCase("nightly").WithFiles("src/main.rs").WithBins(TargetSpec.At("x", "src/main.rs").Filename("y")).WithUnstable());
        Assert.Equal(
            "feature `different-binary-name` is required\n\n"
            + "The package requires the Cargo feature called `different-binary-name`, but that feature is not stabilized in this version of Cargo (1.95.0 (f2d3ce0bd 2026-03-21)).\n"
            + "Consider adding `cargo-features = [\"different-binary-name\"]` to the top of Cargo.toml (above the [package] table) to tell Cargo you are opting in to use this unstable feature.\n"
            + "See https://doc.rust-lang.org/nightly/cargo/reference/unstable.html#different-binary-name for more information about the status of this feature.",
            local.Message);
    }

    [Fact]
    public void MetadataJsonIsCargosShape()
    {
        var target = new Target
        {
            Kind = TargetKind.Bin,
            Name = "x",
            SrcPath = "/p/src/main.rs",
            CrateTypes = ["bin"],
            Edition = "2021",
            Documented = true,
            RequiredFeatures = ImmutableArray.Create("a"),
        };
        Assert.Equal(
            """[{"kind":["bin"],"crate_types":["bin"],"name":"x","src_path":"/p/src/main.rs","edition":"2021","required-features":["a"],"doc":true,"doctest":false,"test":true}]""",
            TargetDifferentialTests.MetadataTargets([target]));
    }

    private static (bool Tested, bool Benched, bool Documented, bool Doctested, bool Harness, bool ForHost, bool ProcMacro) Flags(Target t) =>
        (t.Tested, t.Benched, t.Documented, t.Doctested, t.Harness, t.ForHost, t.ProcMacro);

    private static TargetDiscoveryResult Discover(TargetCase fixture)
    {
        using var package = new TempPackage();
        fixture.Materialize(package.Root);
        return TargetDiscovery.Discover(fixture.Input(package.Root));
    }

    private static FerryException Fails(TargetCase fixture)
    {
        using var package = new TempPackage();
        fixture.Materialize(package.Root);
        return Assert.Throws<FerryException>(() => TargetDiscovery.Discover(fixture.Input(package.Root)));
    }
}
