using Ferry.Testsuite.Support;

namespace Ferry.Testsuite.Config;

/// <summary>
/// The oracle for <c>config get</c>: Cargo only has that command on nightly, so these tests run
/// the nightly toolchain's <c>cargo -Zunstable-options</c> directly from its toolchain directory
/// (a sibling of the stable one), with the sandbox's own HOME and CARGO_HOME.
/// </summary>
internal static class NightlyCargo
{
    private static readonly Lazy<string> CargoPath = new(Find, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => CargoPath.Value;

    public static CommandResult ConfigGet(Sandbox sandbox, string directory, IReadOnlyList<string> globalArgs, IReadOnlyList<string> getArgs) =>
        ProcessRunner.Run(Path, ["-Zunstable-options", .. globalArgs, "config", "get", .. getArgs], directory, sandbox.Environment(), TimeSpan.FromMinutes(2));

    private static string Find()
    {
        var stable = Tools.ToolchainDirectory ?? throw new InvalidOperationException("no Rust toolchain found");
        var toolchains = System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(stable))!;
        foreach (var directory in Directory.GetDirectories(toolchains, "nightly-*"))
        {
            var cargo = System.IO.Path.Combine(directory, "bin", "cargo");
            if (File.Exists(cargo))
            {
                return cargo;
            }
        }

        throw new InvalidOperationException($"no nightly toolchain with cargo under {toolchains}: `config get` differential tests need one");
    }
}
