using Ferry.Testsuite.Support;

namespace Ferry.Testsuite.Config;

/// <summary>Lays out a <see cref="ConfigCase"/> in a sandbox and runs ferry or nightly cargo on it.</summary>
internal static class ConfigSandbox
{
    public static Sandbox Create(ConfigCase setup)
    {
        var sandbox = new Sandbox();
        foreach (var directory in setup.Directories)
        {
            Directory.CreateDirectory(Path.Combine(sandbox.RootDirectory, directory));
        }

        foreach (var (relative, contents) in setup.Files)
        {
            var full = Path.Combine(sandbox.RootDirectory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, contents);
        }

        foreach (var (relative, bytes) in setup.Bytes)
        {
            var full = Path.Combine(sandbox.RootDirectory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }

        foreach (var (link, target) in setup.Links)
        {
            var full = Path.Combine(sandbox.RootDirectory, link);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.CreateSymbolicLink(full, target);
        }

        Directory.CreateDirectory(Path.Combine(sandbox.RootDirectory, setup.Cwd));
        foreach (var (name, value) in setup.Env)
        {
            sandbox.ExtraEnvironment[name] = value.Replace("[ROOT]", sandbox.RootDirectory, StringComparison.Ordinal);
        }

        return sandbox;
    }

    public static string WorkingDirectory(Sandbox sandbox, ConfigCase setup) => Path.Combine(sandbox.RootDirectory, setup.Cwd);

    public static CommandResult Ferry(Sandbox sandbox, ConfigCase setup) =>
        sandbox.FerryIn(WorkingDirectory(sandbox, setup), [.. setup.Global, "config", "get", .. setup.Get]);

    public static CommandResult Cargo(Sandbox sandbox, ConfigCase setup) =>
        NightlyCargo.ConfigGet(sandbox, WorkingDirectory(sandbox, setup), setup.Global, setup.Get);

    /// <summary>
    /// Cargo's words that differ only by the program name (<c>`cargo --list`</c>); paths such as
    /// <c>.cargo/config.toml</c> stay as they are.
    /// </summary>
    public static string CargoWordsToFerry(string text) =>
        text.Replace("`cargo ", "`ferry ", StringComparison.Ordinal)
            .Replace("cargo search", "ferry search", StringComparison.Ordinal)
            .Replace("search cargo-", "search cargo-", StringComparison.Ordinal);
}
