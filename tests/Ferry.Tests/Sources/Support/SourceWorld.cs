using System.Collections.Immutable;
using Ferry.Core.Configuration;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;
using Ferry.Resolver;
using Ferry.Semver;
using Ferry.Sources;

namespace Ferry.Tests.Sources.Support;

/// <summary>
/// A throw-away HOME, CARGO_HOME and project directory with a made-up environment, plus helpers
/// to build a <see cref="PackageRegistry"/> from a config file and resolve a root package against it.
/// </summary>
internal sealed class SourceWorld : IDisposable
{
    public SourceWorld()
    {
        Root = Path.Combine(Path.GetTempPath(), "ferry-sources-" + Guid.NewGuid().ToString("N")[..12]);
        Home = Path.Combine(Root, "home");
        CargoHome = Path.Combine(Root, "cargo-home");
        Work = Path.Combine(Root, "work");
        Directory.CreateDirectory(Home);
        Directory.CreateDirectory(CargoHome);
        Directory.CreateDirectory(Work);
        Variables = new Dictionary<string, string> { ["HOME"] = Home, ["CARGO_HOME"] = CargoHome };
    }

    public string Root { get; }

    public string Home { get; }

    public string CargoHome { get; }

    public string Work { get; }

    public Dictionary<string, string> Variables { get; }

    public SourceShell Shell { get; private set; } = new();

    /// <summary>Retries without waiting, so failure tests run in milliseconds.</summary>
    public SourceOptions Options { get; set; } = new() { FixedRetryDelay = TimeSpan.FromMilliseconds(1) };

    public string ConfigPath => Path.Combine(CargoHome, "config.toml");

    /// <summary>Writes <c>$CARGO_HOME/config.toml</c>.</summary>
    public SourceWorld Config(string toml)
    {
        File.WriteAllText(ConfigPath, toml);
        return this;
    }

    /// <summary>Replaces crates.io with a sparse registry at <paramref name="indexUrl"/> (the usual mirror setup).</summary>
    public SourceWorld ReplaceCratesIo(string indexUrl, string extra = "") =>
        Config($"[source.crates-io]\nreplace-with = \"mirror\"\n\n[source.mirror]\nregistry = \"sparse+{indexUrl}\"\n{extra}");

    public GlobalContext Context(CliOverrides? cli = null) =>
        GlobalContext.Create(new EnvironmentSnapshot(Variables.ToImmutableDictionary(StringComparer.Ordinal)), Work, cli ?? CliOverrides.None, Shell);

    public PackageRegistry Registry(CliOverrides? cli = null, IPackageManifestReader? manifests = null) =>
        PackageRegistry.Create(Context(cli), manifests, Options);

    /// <summary>A fresh shell for the next run (so a test can compare two runs' output).</summary>
    public void NewShell() => Shell = new SourceShell();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A crates.io dependency (what <c>name = "req"</c> in a manifest means).</summary>
    public static Dependency CratesIo(string name, string req, bool optional = false, string[]? features = null) => new()
    {
        PackageName = name,
        Source = SourceId.CratesIo,
        Req = VersionReq.Parse(req),
        SpecifiedReq = true,
        Optional = optional,
        Features = features is null ? [] : [.. features],
    };

    /// <summary>The root package <c>root 0.1.0</c> in the work directory.</summary>
    public Summary RootPackage(params Dependency[] deps) => new()
    {
        PackageId = new PackageId("root", Ferry.Semver.Version.Parse("0.1.0"), SourceId.ForPath(Work)),
        Dependencies = [.. deps],
        Features = FeatureMapBuilder.Build([], deps),
    };

    public static ResolveRequest Request(PackageRegistry registry, params Summary[] roots) =>
        new([.. roots.Select(root => (root, ResolveOpts.Everything))], [], registry, new VersionPreferences(), ResolveVersion.V4)
        {
            Diagnostics = registry,
        };

    public static Task<ResolveOutcome> ResolveAsync(PackageRegistry registry, Summary root) =>
        ResolveDriver.ResolveAsync(registry, Request(registry, root), CancellationToken.None);

    /// <summary><c>name version</c> of every package but the root, sorted.</summary>
    public static List<string> Packages(Resolve resolve) =>
        [.. resolve.Packages.Where(id => id.Name != "root").Select(id => $"{id.Name} {id.Version}").Order(StringComparer.Ordinal)];
}
