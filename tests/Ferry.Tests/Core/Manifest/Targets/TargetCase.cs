using System.Collections.Immutable;
using System.Text;
using Ferry.Core.Manifest.Targets;

namespace Ferry.Tests.Core.Manifest.Targets;

/// <summary>
/// A package fixture for target discovery: the files on disk plus the manifest settings, each
/// setting recorded both as Cargo.toml text (for the real Cargo) and as the input record (for
/// Ferry). Built with small "add" methods so a case reads as one expression.
/// </summary>
internal sealed record TargetCase(string Id)
{
    public string PackageName { get; init; } = "demo";

    /// <summary>The <c>edition</c> key; null leaves it out (Cargo then uses 2015).</summary>
    public string? Edition { get; init; } = "2021";

    public ImmutableList<string> Files { get; init; } = [];

    public ImmutableList<string> Directories { get; init; } = [];

    /// <summary>Symbolic links to create: link path (package-relative) and target (absolute or relative to the link).</summary>
    public ImmutableList<(string Link, string Target)> Symlinks { get; init; } = [];

    public ImmutableList<string> PackageLines { get; init; } = [];

    /// <summary>Lines placed before <c>[package]</c> (top-level keys such as <c>bin = []</c>).</summary>
    public ImmutableList<string> TopLines { get; init; } = [];

    public ImmutableList<string> FeatureNames { get; init; } = [];

    public TargetDiscoveryInput Settings { get; init; } = new() { PackageRoot = string.Empty, PackageName = string.Empty };

    public TargetSpec? Lib { get; init; }

    public ImmutableList<TargetSpec>? Bins { get; init; }

    public ImmutableList<TargetSpec>? Examples { get; init; }

    public ImmutableList<TargetSpec>? Tests { get; init; }

    public ImmutableList<TargetSpec>? Benches { get; init; }

    public TargetCase WithFiles(params string[] paths) => this with { Files = Files.AddRange(paths) };

    public TargetCase WithDirectories(params string[] paths) => this with { Directories = Directories.AddRange(paths) };

    public TargetCase WithSymlink(string link, string target) => this with { Symlinks = Symlinks.Add((link, target)) };

    public TargetCase Named(string name) => this with { PackageName = name };

    public TargetCase InEdition(string? edition) => this with { Edition = edition };

    public TargetCase WithFeatures(params string[] names) => this with { FeatureNames = FeatureNames.AddRange(names) };

    public TargetCase AutoLib(bool value) => Package("autolib", value, Settings with { AutoLib = value });

    public TargetCase AutoBins(bool value) => Package("autobins", value, Settings with { AutoBins = value });

    public TargetCase AutoExamples(bool value) => Package("autoexamples", value, Settings with { AutoExamples = value });

    public TargetCase AutoTests(bool value) => Package("autotests", value, Settings with { AutoTests = value });

    public TargetCase AutoBenches(bool value) => Package("autobenches", value, Settings with { AutoBenches = value });

    public TargetCase Build(bool value) =>
        this with { PackageLines = PackageLines.Add("build = " + Toml.Bool(value)), Settings = Settings with { Build = PackageBuild.Auto(value) } };

    public TargetCase Build(string path) =>
        this with { PackageLines = PackageLines.Add("build = " + Toml.Str(path)), Settings = Settings with { Build = PackageBuild.Script(path) } };

    public TargetCase BuildScripts(params string[] paths) =>
        this with { PackageLines = PackageLines.Add("build = " + Toml.Array(paths)), Settings = Settings with { Build = PackageBuild.MultipleScripts(paths) } };

    public TargetCase Links(string name) =>
        this with { PackageLines = PackageLines.Add("links = " + Toml.Str(name)), Settings = Settings with { Links = name } };

    public TargetCase WithLib(TargetSpec lib) => this with { Lib = lib };

    public TargetCase WithBins(params TargetSpec[] bins) => this with { Bins = (Bins ?? []).AddRange(bins) };

    public TargetCase WithExamples(params TargetSpec[] examples) => this with { Examples = (Examples ?? []).AddRange(examples) };

    public TargetCase WithTests(params TargetSpec[] tests) => this with { Tests = (Tests ?? []).AddRange(tests) };

    public TargetCase WithBenches(params TargetSpec[] benches) => this with { Benches = (Benches ?? []).AddRange(benches) };

    /// <summary>A top-level <c>bin = []</c>: declared, but empty.</summary>
    public TargetCase WithEmptyBinList() => this with { TopLines = TopLines.Add("bin = []"), Bins = [] };

    public TargetCase WithUnstable(params string[] features) =>
        this with { Settings = Settings with { Features = UnstableFeatureGate.Stable with { Enabled = [.. features], NightlyFeaturesAllowed = true } } };

    public string CargoToml()
    {
        var text = new StringBuilder();
        foreach (var line in TopLines)
        {
            text.Append(line).Append('\n');
        }

        text.Append("[package]\nname = ").Append(Toml.Str(PackageName)).Append("\nversion = \"0.1.0\"\n");
        if (Edition is not null)
        {
            text.Append("edition = ").Append(Toml.Str(Edition)).Append('\n');
        }

        foreach (var line in PackageLines)
        {
            text.Append(line).Append('\n');
        }

        if (Lib is not null)
        {
            Table(text, "[lib]", Lib);
        }

        foreach (var (header, specs) in new[] { ("[[bin]]", Bins), ("[[example]]", Examples), ("[[test]]", Tests), ("[[bench]]", Benches) })
        {
            if (specs is null)
            {
                continue;
            }

            foreach (var spec in specs)
            {
                Table(text, header, spec);
            }
        }

        if (FeatureNames.Count > 0)
        {
            text.Append("\n[features]\n");
            foreach (var name in FeatureNames)
            {
                text.Append(name).Append(" = []\n");
            }
        }

        return text.ToString();
    }

    public TargetDiscoveryInput Input(string root) => Settings with
    {
        PackageRoot = root,
        PackageName = PackageName,
        Edition = Edition,
        Lib = Lib?.Target,
        Bins = Bins is null ? null : [.. Bins.Select(s => s.Target)],
        Examples = Examples is null ? null : [.. Examples.Select(s => s.Target)],
        Tests = Tests is null ? null : [.. Tests.Select(s => s.Target)],
        Benches = Benches is null ? null : [.. Benches.Select(s => s.Target)],
    };

    /// <summary>Writes the package into <paramref name="root"/> (which must exist and be empty).</summary>
    public void Materialize(string root)
    {
        File.WriteAllText(Path.Join(root, "Cargo.toml"), CargoToml());
        foreach (var file in Files)
        {
            var full = Path.Join(root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, string.Empty);
        }

        foreach (var directory in Directories)
        {
            Directory.CreateDirectory(Path.Join(root, directory));
        }

        foreach (var (link, target) in Symlinks)
        {
            var full = Path.Join(root, link);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.CreateSymbolicLink(full, target);
        }
    }

    public override string ToString() => Id;

    private static void Table(StringBuilder text, string header, TargetSpec spec)
    {
        text.Append('\n').Append(header).Append('\n');
        foreach (var line in spec.Lines)
        {
            text.Append(line).Append('\n');
        }
    }

    private TargetCase Package(string key, bool value, TargetDiscoveryInput settings) =>
        this with { PackageLines = PackageLines.Add(key + " = " + Toml.Bool(value)), Settings = settings };
}
