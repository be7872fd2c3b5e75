using System.Collections.Immutable;
using Ferry.Core.Manifest.Targets;
using Ferry.Toml;

namespace Ferry.Core.Manifest.Schema;

/// <summary>
/// A Cargo.toml decoded into Cargo's schema types (cargo-util-schemas' <c>TomlManifest</c>), before
/// workspace inheritance and lowering. Maps that Cargo keeps in a <c>BTreeMap</c> are sorted by key.
/// </summary>
public sealed record TomlManifest
{
    public ImmutableArray<string>? CargoFeatures { get; init; }

    public TomlPackage? Package { get; init; }

    public TomlPackage? Project { get; init; }

    public ImmutableArray<KeyValuePair<string, ImmutableArray<KeyValuePair<string, string>>>>? Badges { get; init; }

    /// <summary><c>[features]</c>, sorted by feature name; the values keep their order.</summary>
    public ImmutableArray<KeyValuePair<string, ImmutableArray<string>>>? Features { get; init; }

    public TomlTarget? Lib { get; init; }

    public ImmutableArray<TomlTarget>? Bin { get; init; }

    public ImmutableArray<TomlTarget>? Example { get; init; }

    public ImmutableArray<TomlTarget>? Test { get; init; }

    public ImmutableArray<TomlTarget>? Bench { get; init; }

    public ImmutableArray<DependencyEntry>? Dependencies { get; init; }

    public ImmutableArray<DependencyEntry>? DevDependencies { get; init; }

    public ImmutableArray<DependencyEntry>? DevDependencies2 { get; init; }

    public ImmutableArray<DependencyEntry>? BuildDependencies { get; init; }

    public ImmutableArray<DependencyEntry>? BuildDependencies2 { get; init; }

    /// <summary><c>[target.KEY]</c> tables, sorted by key.</summary>
    public ImmutableArray<KeyValuePair<string, TomlPlatform>>? Target { get; init; }

    public InheritableLints? Lints { get; init; }

    public TomlValue? Hints { get; init; }

    public TomlWorkspace? Workspace { get; init; }

    public TomlProfiles? Profile { get; init; }

    /// <summary><c>[patch.SOURCE]</c> tables, sorted by source, each sorted by package name.</summary>
    public ImmutableArray<KeyValuePair<string, ImmutableArray<KeyValuePair<string, TomlDependency>>>>? Patch { get; init; }

    /// <summary><c>[replace]</c>, sorted by spec.</summary>
    public ImmutableArray<KeyValuePair<string, TomlDependency>>? Replace { get; init; }

    /// <summary>Keys serde would ignore, as dotted paths (<c>package.foo</c>, <c>bin.0.bar</c>), sorted as Cargo sorts them.</summary>
    public ImmutableArray<string> UnusedKeys { get; init; } = [];

    public TomlPackage? EffectivePackage => Package ?? Project;

    public ImmutableArray<DependencyEntry>? EffectiveDevDependencies => DevDependencies ?? DevDependencies2;

    public ImmutableArray<DependencyEntry>? EffectiveBuildDependencies => BuildDependencies ?? BuildDependencies2;

    /// <summary>The first table a virtual manifest may not have (Cargo's <c>requires_package</c> order).</summary>
    public string? FirstPackageOnlySection()
    {
        if (Badges is not null) return "badges";
        if (Features is not null) return "features";
        if (Lib is not null) return "lib";
        if (Bin is not null) return "bin";
        if (Example is not null) return "example";
        if (Test is not null) return "test";
        if (Bench is not null) return "bench";
        if (Dependencies is not null) return "dependencies";
        if (EffectiveDevDependencies is not null) return "dev-dependencies";
        if (EffectiveBuildDependencies is not null) return "build-dependencies";
        if (Target is not null) return "target";
        if (Lints is not null) return "lints";
        if (Hints is not null) return "hints";
        return null;
    }
}
