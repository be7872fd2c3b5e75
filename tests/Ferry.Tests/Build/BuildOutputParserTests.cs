using Ferry.Build.BuildScripts;
using Ferry.Core.Dependencies;
using Ferry.Core.Manifest.Targets;
using Ferry.Util.Diagnostics;

namespace Ferry.Tests.Build;

public sealed class BuildOutputParserTests
{
    private static readonly Target Lib = new() { Kind = TargetKind.Lib, Name = "foo", SrcPath = "/p/src/lib.rs", CrateTypes = ["lib"], Edition = "2021" };
    private static readonly Target Bin = new() { Kind = TargetKind.Bin, Name = "tool", SrcPath = "/p/src/main.rs", CrateTypes = ["bin"], Edition = "2021" };

    private static BuildOutput Parse(string text, RustVersion? msrv = null, params Target[] targets) =>
        BuildOutputParser.Parse(text, "foo", "foo v0.1.0 (/p)", "/old/out", "/new/out", targets.Length == 0 ? [Lib, Bin] : targets, msrv, null);

    [Fact]
    public void ParsesEveryDirectiveInBothSyntaxes()
    {
        var output = Parse(string.Join('\n',
            "cargo::rustc-link-lib=static=z",
            "cargo:rustc-link-search=native=/old/out/lib",
            "cargo::rustc-link-search=/usr/lib",
            "cargo::rustc-flags=-l ssl -L/opt/lib",
            "cargo::rustc-cfg=has_z",
            "cargo::rustc-check-cfg=cfg(has_z)",
            "cargo::rustc-env=FOO=bar=baz",
            "cargo::rustc-link-arg=-Wl,-z,now",
            "cargo::rustc-link-arg-bins=-v",
            "cargo::rustc-link-arg-bin=tool=-x",
            "cargo::rerun-if-changed=build.rs",
            "cargo::rerun-if-env-changed=ZLIB_DIR",
            "cargo::warning=careful",
            "cargo::metadata=include=/old/out/include",
            "cargo:root=/old/out",
            "not a directive",
            "   cargo::rustc-cfg=trimmed   "));

        Assert.Equal(["static=z", "ssl"], output.LibraryLinks.ToArray());
        Assert.Equal([("native=/new/out/lib", true), ("/usr/lib", false), ("/opt/lib", false)], output.LibraryPaths.ToArray());
        Assert.Equal(["has_z", "trimmed"], output.Cfgs.ToArray());
        Assert.Equal(["cfg(has_z)"], output.CheckCfgs.ToArray());
        Assert.Equal([("FOO", "bar=baz")], output.Env.ToArray());
        Assert.Equal(
            new[] { new LinkArg(LinkArgKind.All, "-Wl,-z,now"), new LinkArg(LinkArgKind.Bin, "-v"), new LinkArg(LinkArgKind.SingleBin, "-x", "tool") },
            output.LinkerArgs.ToArray());
        Assert.Equal(["build.rs"], output.RerunIfChanged.ToArray());
        Assert.Equal(["ZLIB_DIR"], output.RerunIfEnvChanged.ToArray());
        Assert.Equal([(false, "careful")], output.LogMessages.ToArray());
        Assert.Equal([("include", "/new/out/include"), ("root", "/new/out")], output.Metadata.ToArray());
    }

    [Theory]
    [InlineData("cargo::rustc-cfg", "invalid output in build script of `foo v0.1.0 (/p)`: `cargo::rustc-cfg`\nExpected a line with `cargo::KEY=VALUE` with an `=` character, but none was found.\nSee https://doc.rust-lang.org/cargo/reference/build-scripts.html#outputs-of-the-build-script for more information about build script outputs.")]
    [InlineData("cargo::frobnicate=1", "invalid output in build script of `foo v0.1.0 (/p)`: `cargo::frobnicate=1`\nUnknown key: `frobnicate`.\nSee https://doc.rust-lang.org/cargo/reference/build-scripts.html#outputs-of-the-build-script for more information about build script outputs.")]
    [InlineData("cargo::metadata=novalue", "invalid output in build script of `foo v0.1.0 (/p)`: `cargo::metadata=novalue`\nExpected a line with `cargo::metadata=KEY=VALUE` with an `=` character, but none was found.\nSee https://doc.rust-lang.org/cargo/reference/build-scripts.html#outputs-of-the-build-script for more information about build script outputs.")]
    [InlineData("cargo::rustc-env=NOVALUE", "Variable rustc-env has no value in build script of `foo v0.1.0 (/p)`: NOVALUE")]
    [InlineData("cargo::rustc-flags=-lfoo -C opt", "only `-l` and `-L` flags are allowed in build script of `foo v0.1.0 (/p)`: `-lfoo -C opt`")]
    [InlineData("cargo::rustc-link-arg-bin=tool", "invalid instruction `cargo::rustc-link-arg-bin=tool` from build script of `foo v0.1.0 (/p)`\nThe instruction should have the form cargo::rustc-link-arg-bin=BIN=ARG")]
    [InlineData("cargo::rustc-link-arg-bin=other=-x", "invalid instruction `cargo::rustc-link-arg-bin` from build script of `foo v0.1.0 (/p)`\nThe package foo v0.1.0 (/p) does not have a bin target with the name `other`.")]
    [InlineData("cargo:rustc-link-arg-tests=-x", "invalid instruction `cargo:rustc-link-arg-tests` from build script of `foo v0.1.0 (/p)`\nThe package foo v0.1.0 (/p) does not have a test target.")]
    [InlineData("cargo::rustc-env=RUSTC_BOOTSTRAP=1", "cannot set `RUSTC_BOOTSTRAP=1` from build script of `foo v0.1.0 (/p)`.\nnote: crates cannot set `RUSTC_BOOTSTRAP` themselves, as doing so would subvert the stability guarantees of Rust for your project.\nhelp: If you're sure you want to do this in your project, set the environment variable `RUSTC_BOOTSTRAP=foo` before running cargo instead.")]
    public void ReportsCargosErrors(string line, string expected)
    {
        var error = Assert.Throws<FerryException>(() => Parse(line));
        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void NewSyntaxNeedsRust177()
    {
        var error = Assert.Throws<FerryException>(() => Parse("cargo::rustc-cfg=x", RustVersion.Parse("1.70")));
        Assert.Equal(
            "the `cargo::` syntax for build script output instructions was added in Rust 1.77.0, but the minimum supported Rust version of `foo v0.1.0 (/p)` is 1.70.\nSwitch to the old `cargo:rustc-cfg=x` syntax (note the single colon).\nSee https://doc.rust-lang.org/cargo/reference/build-scripts.html#outputs-of-the-build-script for more information about build script outputs.",
            error.Message);
        Assert.Equal(["x"], Parse("cargo::rustc-cfg=x", RustVersion.Parse("1.77")).Cfgs.ToArray());
        Assert.Equal(["x"], Parse("cargo:rustc-cfg=x", RustVersion.Parse("1.60")).Cfgs.ToArray());
    }

    [Fact]
    public void CdylibArgumentsWithoutCdylibWarn()
    {
        var output = Parse("cargo::rustc-link-arg-cdylib=-x");
        Assert.Equal([new LinkArg(LinkArgKind.Cdylib, "-x")], output.LinkerArgs.ToArray());
        Assert.Single(output.LogMessages);
        Assert.StartsWith("cargo::rustc-link-arg-cdylib was specified in the build script of foo v0.1.0 (/p), but that package does not contain a cdylib target", output.LogMessages[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LinkArgumentsApplyToTheirTargets()
    {
        var test = Bin with { Kind = TargetKind.Test, Name = "t" };
        Assert.True(new LinkArg(LinkArgKind.Bin, "x").AppliesTo(Bin, Ferry.Build.Units.CompileMode.Build));
        Assert.False(new LinkArg(LinkArgKind.Bin, "x").AppliesTo(Lib, Ferry.Build.Units.CompileMode.Build));
        Assert.True(new LinkArg(LinkArgKind.SingleBin, "x", "tool").AppliesTo(Bin, Ferry.Build.Units.CompileMode.Build));
        Assert.False(new LinkArg(LinkArgKind.SingleBin, "x", "other").AppliesTo(Bin, Ferry.Build.Units.CompileMode.Build));
        Assert.True(new LinkArg(LinkArgKind.Test, "x").AppliesTo(test, Ferry.Build.Units.CompileMode.Test));
        Assert.False(new LinkArg(LinkArgKind.Cdylib, "x").AppliesTo(Lib with { CrateTypes = ["cdylib"] }, Ferry.Build.Units.CompileMode.Test));
        Assert.True(new LinkArg(LinkArgKind.Cdylib, "x").AppliesTo(Lib with { CrateTypes = ["cdylib"] }, Ferry.Build.Units.CompileMode.Build));
    }
}
