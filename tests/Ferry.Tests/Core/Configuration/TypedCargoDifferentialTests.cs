using System.Diagnostics;
using Ferry.Cli.Shell;
using Ferry.Core.Configuration;
using Ferry.Util.Diagnostics;

namespace Ferry.Tests.Core.Configuration;

/// <summary>
/// Typed settings against the real Cargo: the same broken config is given to
/// <c>cargo check</c> (which reads these keys on its way to compiling) and to Ferry's typed
/// view in-process; the error Ferry's CLI would print must be Cargo's, byte for byte.
/// </summary>
public sealed class TypedCargoDifferentialTests
{
    private const string Host = "x86_64-unknown-linux-gnu";

    private static readonly Lazy<string?> ToolchainBin = new(FindToolchainBin);

    public static TheoryData<string, string, string> Cases() => new()
    {
        { "build-jobs-bool", "[build]\njobs = true", "Build" },
        { "build-jobs-array", "[build]\njobs = [1]", "Build" },
        { "build-jobs-text", "[build]\njobs = \"x\"", "Jobs" },
        { "build-jobs-zero", "[build]\njobs = 0", "Jobs" },
        { "build-target-dir-int", "[build]\ntarget-dir = 5", "Build" },
        { "build-target-dir-empty", "[build]\ntarget-dir = \"\"", "TargetDir" },
        { "build-target-int", "[build]\ntarget = 1", "Build" },
        { "build-target-array-int", "[build]\ntarget = [1]", "Build" },
        { "build-not-table", "build = 1", "Build" },
        { "build-incremental-string", "[build]\nincremental = \"no\"", "Build" },
        { "build-rustflags-int", "[build]\nrustflags = 5", "Build" },
        { "build-rustflags-item", "[build]\nrustflags = [1]", "Build" },
        { "build-warnings-variant", "[build]\nwarnings = \"bad\"", "Build" },
        { "term-verbose-string", "[term]\nverbose = \"yes\"", "Term" },
        { "term-progress-width", "[term]\nprogress = { when = \"always\" }", "Term" },
        { "term-progress-variant", "[term]\nprogress.when = \"sometimes\"", "Term" },
        { "resolver-variant", "[resolver]\nincompatible-rust-versions = \"bad\"", "Resolver" },
        { "env-int", "[env]\nX = 1", "Env" },
        { "env-missing-value", "[env]\nX = { force = true }", "Env" },
        { "env-cargo-home", "[env]\nCARGO_HOME = \"x\"", "Env" },
        { "target-runner-int", $"[target.{Host}]\nrunner = 1", "Target" },
        { "target-linker-int", $"[target.{Host}]\nlinker = 1", "Target" },
        { "target-rustflags-int", $"[target.{Host}]\nrustflags = 1", "Target" },
        { "target-rustflags-item", $"[target.{Host}]\nrustflags = [1]", "Target" },
        { "target-links-not-table", $"[target.{Host}]\nfoo = 1", "Target" },
        { "target-links-rustc-flags", $"[target.{Host}.foo]\nrustc-flags = \"-x y\"", "Target" },
        { "target-links-warning", $"[target.{Host}.foo]\nwarning = \"x\"", "Target" },
    };

    public static TheoryData<string, string, string, string> EnvironmentCases() => new()
    {
        { "env-jobs-text", "CARGO_BUILD_JOBS", "abc", "Jobs" },
        { "env-jobs-bool", "CARGO_BUILD_JOBS", "true", "Build" },
        { "env-incremental", "CARGO_BUILD_INCREMENTAL", "maybe", "Build" },
        { "env-target-dir-empty", "CARGO_TARGET_DIR", "", "TargetDir" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FileErrorsMatchCargoCheck(string name, string config, string area)
    {
        using var world = new ConfigWorld();
        world.File("work/.cargo/config.toml", config);
        Compare(world, area, name);
    }

    [Theory]
    [MemberData(nameof(EnvironmentCases))]
    public void EnvironmentErrorsMatchCargoCheck(string name, string variable, string value, string area)
    {
        using var world = new ConfigWorld();
        world.Variables[variable] = value;
        Compare(world, area, name);
    }

    private static void Compare(ConfigWorld world, string area, string name)
    {
        world.File("work/Cargo.toml", "[package]\nname = \"probe\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
        world.File("work/src/lib.rs", string.Empty);
        var cargo = RunCargoCheck(world);
        Assert.True(cargo.ExitCode == 101, $"{name}: cargo check did not fail:\n{cargo.Stderr}");

        var gctx = world.Context();
        var error = Assert.ThrowsAny<FerryException>(() => Read(gctx, area));
        var output = new StringWriter();
        var shell = new TerminalShell(output, output, colorStderr: false, Verbosity.Normal);
        Assert.Equal(cargo.Stderr, ErrorRenderer.Render(error, shell));
    }

    private static void Read(GlobalContext gctx, string area)
    {
        switch (area)
        {
            case "Build":
                _ = gctx.Build;
                break;
            case "Jobs":
                _ = gctx.Build.Jobs?.Resolve(Environment.ProcessorCount);
                break;
            case "TargetDir":
                _ = gctx.TargetDir();
                break;
            case "Term":
                _ = gctx.Term;
                break;
            case "Resolver":
                _ = gctx.Resolver;
                break;
            case "Env":
                _ = gctx.Env;
                break;
            case "Target":
                _ = gctx.Target(Host);
                break;
            default:
                throw new ArgumentException(area);
        }
    }

    private static (int ExitCode, string Stderr) RunCargoCheck(ConfigWorld world)
    {
        var bin = ToolchainBin.Value ?? throw new InvalidOperationException("no Rust toolchain found for the cargo differential");
        var start = new ProcessStartInfo(Path.Combine(bin, "cargo"))
        {
            WorkingDirectory = world.Work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("check");
        start.ArgumentList.Add("--offline");
        start.Environment.Clear();
        foreach (var (key, value) in world.Variables)
        {
            start.Environment[key] = value;
        }

        start.Environment["PATH"] = bin + ":/usr/bin:/bin";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = stdout.Result;
        return (process.ExitCode, stderr);
    }

    private static string? FindToolchainBin()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        foreach (var rustc in new[] { Path.Join(home, ".cargo", "bin", "rustc"), "rustc" })
        {
            try
            {
                var start = new ProcessStartInfo(rustc, "--print sysroot") { RedirectStandardOutput = true, RedirectStandardError = true };
                using var process = Process.Start(start);
                if (process is null)
                {
                    continue;
                }

                var sysroot = process.StandardOutput.ReadToEnd().Trim();
                process.WaitForExit();
                if (process.ExitCode == 0 && File.Exists(Path.Combine(sysroot, "bin", "cargo")))
                {
                    return Path.Combine(sysroot, "bin");
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
            }
        }

        return null;
    }
}
