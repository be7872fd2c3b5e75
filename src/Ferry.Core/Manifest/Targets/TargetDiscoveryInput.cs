using System.Collections.Immutable;

namespace Ferry.Core.Manifest.Targets;

/// <summary>
/// Everything target normalization reads from a package's manifest, as plain values: the manifest
/// parser fills it, so this layer never sees TOML. The <c>auto*</c> flags and the target lists are
/// nullable because Cargo distinguishes "not written" from every written value (an explicit empty
/// <c>bin = []</c> behaves differently from no <c>[[bin]]</c> at all).
/// </summary>
public sealed record TargetDiscoveryInput
{
    /// <summary>The directory holding Cargo.toml; target paths are resolved against it.</summary>
    public required string PackageRoot { get; init; }

    /// <summary><c>package.name</c>: the inferred <c>src/main.rs</c> binary's name and the default lib name.</summary>
    public required string PackageName { get; init; }

    /// <summary><c>package.edition</c> as resolved (workspace inheritance applied); null means 2015.</summary>
    public string? Edition { get; init; }

    public bool? AutoLib { get; init; }

    public bool? AutoBins { get; init; }

    public bool? AutoExamples { get; init; }

    public bool? AutoTests { get; init; }

    public bool? AutoBenches { get; init; }

    /// <summary><c>package.build</c>; null when absent (then <c>build.rs</c> is picked up if it is a file).</summary>
    public PackageBuild? Build { get; init; }

    /// <summary><c>package.links</c>, which requires a build script.</summary>
    public string? Links { get; init; }

    /// <summary>The <c>[lib]</c> table, null when there is none.</summary>
    public TomlTarget? Lib { get; init; }

    public ImmutableArray<TomlTarget>? Bins { get; init; }

    public ImmutableArray<TomlTarget>? Examples { get; init; }

    public ImmutableArray<TomlTarget>? Tests { get; init; }

    public ImmutableArray<TomlTarget>? Benches { get; init; }

    public UnstableFeatureGate Features { get; init; } = UnstableFeatureGate.Stable;
}
