using System.Diagnostics;
using System.Runtime.InteropServices;
using Ferry.Platform;

namespace Ferry.Tests.Platform;

public sealed class RustcPrintCfgTests
{
    private const string LinuxOutput =
        "debug_assertions\npanic=\"unwind\"\ntarget_abi=\"\"\ntarget_arch=\"x86_64\"\ntarget_endian=\"little\"\ntarget_env=\"gnu\"\n"
        + "target_family=\"unix\"\ntarget_feature=\"fxsr\"\ntarget_feature=\"sse\"\ntarget_feature=\"sse2\"\ntarget_has_atomic=\"16\"\n"
        + "target_has_atomic=\"32\"\ntarget_has_atomic=\"64\"\ntarget_has_atomic=\"8\"\ntarget_has_atomic=\"ptr\"\ntarget_os=\"linux\"\n"
        + "target_pointer_width=\"64\"\ntarget_vendor=\"unknown\"\nunix\n";

    [Fact]
    public void ParsesRustc195LinuxOutput()
    {
        // Captured from `rustc 1.95.0 --print cfg` on x86_64-unknown-linux-gnu.
        var cfgs = RustcPrintCfg.Parse(LinuxOutput);
        Assert.Equal(19, cfgs.Length);
        Assert.Equal(Cfg.OfName("debug_assertions"), cfgs[0]);
        Assert.Equal(Cfg.OfKeyPair("target_abi", string.Empty), cfgs[2]);
        Assert.Equal(Cfg.OfKeyPair("target_os", "linux"), cfgs[15]);
        Assert.Equal(Cfg.OfName("unix"), cfgs[^1]);
        Assert.Equal(LinuxOutput, string.Concat(cfgs.Select(c => c.ToString().Replace(" = ", "=", StringComparison.Ordinal) + "\n")));
    }

    [Fact]
    public void DropsProcMacroLikeCargoAndAcceptsCrLf()
    {
        var cfgs = RustcPrintCfg.Parse("unix\r\nproc_macro\r\ntarget_os=\"linux\"");
        Assert.Equal([Cfg.OfName("unix"), Cfg.OfKeyPair("target_os", "linux")], cfgs.ToArray());
        Assert.Empty(RustcPrintCfg.Parse(string.Empty));
    }

    [Fact]
    public void BadLineIsReportedWithCargosContext()
    {
        const string output = "unix\ntarget_os=linux\n";
        var ex = Assert.Throws<CfgParseException>(() => RustcPrintCfg.Parse(output));
        Assert.Equal("failed to parse the cfg from `rustc --print=cfg`, got:\nunix\ntarget_os=linux\n", ex.Message);
        Assert.Equal(CfgErrorKind.RustcOutput, ex.Kind);
        var cause = Assert.IsType<CfgParseException>(ex.InnerException);
        Assert.Equal("failed to parse `target_os=linux` as a cfg expression: expected a string, found an identifier", cause.Message);
        Assert.Equal(15, ex.Position);

        var blank = Assert.Throws<CfgParseException>(() => RustcPrintCfg.Parse("unix\n\nwindows\n"));
        Assert.Equal("failed to parse `` as a cfg expression: expected identifier, but cfg expression ended", blank.InnerException!.Message);
    }

    /// <summary>
    /// Runs the real rustc (PATH, else ~/.cargo/bin) and evaluates expressions against its answer. The
    /// expectations come from the runtime's own view of the host, so the test holds on any host rustc runs on.
    /// </summary>
    [Fact]
    public void EvaluatesExpressionsAgainstRealRustc()
    {
        var cfgs = RustcPrintCfg.Parse(RunRustcPrintCfg());
        var linux = OperatingSystem.IsLinux();
        var windows = OperatingSystem.IsWindows();
        var x64 = RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64;
        var wide = Environment.Is64BitOperatingSystem;

        (string Expr, bool Expected)[] cases =
        [
            ("unix", !windows),
            ("windows", windows),
            ("target_os = \"linux\"", linux),
            ("all(target_os = \"linux\", target_pointer_width = \"64\")", linux && wide),
            ("not(target_env = \"msvc\")", !windows),
            ("any(target_os = \"macos\", target_os = \"ios\")", OperatingSystem.IsMacOS()),
            ("target_arch = \"x86_64\"", x64),
            ("all(unix, target_arch = \"x86_64\", not(target_os = \"android\"))", !windows && x64),
            ("any(windows, unix)", true),
            ("not(any(windows, unix))", false),
            ("all()", true),
            ("any()", false),
            ("target_endian = \"little\"", BitConverter.IsLittleEndian),
            ("target_family = \"wasm\"", false),
            ("proc_macro", false),
            ("feature = \"std\"", false),
        ];
        foreach (var (expr, expected) in cases)
        {
            Assert.True(
                Ferry.Platform.Platform.Parse($"cfg({expr})").Matches("unused", cfgs) == expected,
                $"cfg({expr}) should be {expected} for: {string.Join(", ", cfgs)}");
        }
    }

    private static string RunRustcPrintCfg()
    {
        var rustc = FindRustc();
        var psi = new ProcessStartInfo(rustc, "--print cfg")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {rustc}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "rustc --print cfg did not finish within a minute");
        Assert.True(process.ExitCode == 0, $"{rustc} --print cfg failed: {stderr.Result}");
        return stdout.Result;
    }

    private static string FindRustc()
    {
        var name = OperatingSystem.IsWindows() ? "rustc.exe" : "rustc";
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        var home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cargo", "bin", name);
        Assert.True(File.Exists(home), $"rustc not found on PATH or at {home}; these machines ship cargo and rustc there");
        return home;
    }
}
