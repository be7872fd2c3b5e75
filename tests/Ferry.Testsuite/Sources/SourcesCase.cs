using System.Collections.Immutable;
using System.Text;
using Ferry.Core.Configuration;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;
using Ferry.Resolver;
using Ferry.Sources;
using Ferry.Testsuite.Support;
using Ferry.Tests.Sources.Support;
using Ferry.SourcesBench;
using Ferry.Util.Diagnostics;

namespace Ferry.Testsuite.Sources;

/// <summary>
/// One project in a sandbox (its own HOME and CARGO_HOME) resolved by the installed cargo
/// (<c>cargo generate-lockfile</c>) and by Ferry — either the binary (<c>Sandbox.FerryIn</c>) or
/// the sources and resolver in-process (<see cref="FerryAsync"/>), which isolates the sources
/// layer from the manifest loader and lockfile writer and gives access to the resolve.
/// </summary>
internal sealed class SourcesCase : IDisposable
{
    public SourcesCase(string dependencies, string config)
    {
        Sandbox = new Sandbox();
        Project = Sandbox.Path("proj");
        Directory.CreateDirectory(Path.Combine(Project, "src"));
        File.WriteAllText(Path.Combine(Project, "src", "main.rs"), "fn main() {}\n");
        File.WriteAllText(
            Path.Combine(Project, "Cargo.toml"),
            $"[package]\nname = \"proj\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\n{dependencies}\n");
        File.WriteAllText(Path.Combine(Sandbox.CargoHome, "config.toml"), config);

        // Cargo's own test hook: its retry back-off is seconds long otherwise.
        Sandbox.ExtraEnvironment["__CARGO_TEST_FIXED_RETRY_SLEEP_MS"] = "1";
    }

    public Sandbox Sandbox { get; }

    public string Project { get; }

    public string Root => Sandbox.RootDirectory;

    /// <summary>Runs <c>cargo generate-lockfile</c> in the project.</summary>
    public CommandResult Cargo(params string[] flags) => Sandbox.CargoIn(Project, ["generate-lockfile", .. flags]);

    /// <summary>
    /// Resolves in-process with the same environment and returns what Ferry prints: status lines,
    /// warnings, then the error the way Cargo renders it (empty when resolution succeeded).
    /// </summary>
    public async Task<(string Stderr, Ferry.Core.Resolution.Resolve? Resolve)> FerryAsync(CliOverrides? cli = null, SourceOptions? options = null)
    {
        var shell = new SourceShell();
        var variables = Sandbox.Environment()
            .Where(pair => pair.Value is not null)
            .ToImmutableDictionary(pair => pair.Key, pair => pair.Value!, StringComparer.Ordinal);
        Ferry.Core.Resolution.Resolve? resolve = null;
        string error = string.Empty;
        try
        {
            var gctx = GlobalContext.Create(new EnvironmentSnapshot(variables), Project, cli ?? CliOverrides.None, shell);
            using var registry = PackageRegistry.Create(gctx, new NoManifests(), options ?? new SourceOptions { FixedRetryDelay = TimeSpan.FromMilliseconds(1) });
            var root = RootManifest.Read(Path.Combine(Project, "Cargo.toml"), registry.SourceConfig.AltRegistry);
            var request = new ResolveRequest([(root, ResolveOpts.Everything)], [], registry, new VersionPreferences(), ResolveVersion.V4) { Diagnostics = registry };
            resolve = (await ResolveDriver.ResolveAsync(registry, request, CancellationToken.None)).Resolve;
        }
        catch (FerryException failure)
        {
            error = ErrorText.Render(failure);
        }

        var text = new StringBuilder();
        foreach (var line in shell.Lines)
        {
            text.Append(line).Append('\n');
        }

        return (text.Append(error).ToString(), resolve);
    }

    public void Dispose() => Sandbox.Dispose();

    /// <summary>These cases have no path dependencies or vendored packages: reading a manifest is a bug.</summary>
    private sealed class NoManifests : IPackageManifestReader
    {
        public Summary ReadSummary(string manifestPath, SourceId sourceId) =>
            throw new InvalidOperationException($"unexpected manifest read: {manifestPath}");
    }
}
