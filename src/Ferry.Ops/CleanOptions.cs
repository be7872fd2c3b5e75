using System.Collections.Immutable;

namespace Ferry.Ops;

/// <summary>What <c>ferry clean</c> removes (Cargo's <c>CleanOptions</c>).</summary>
public sealed record CleanOptions
{
    public string? ManifestPath { get; init; }

    public ImmutableArray<string> Packages { get; init; } = [];

    public bool Workspace { get; init; }

    public ImmutableArray<string> Targets { get; init; } = [];

    /// <summary><c>--profile</c> or <c>--release</c> was given: only that profile's directory is removed.</summary>
    public bool ProfileSpecified { get; init; }

    public string Profile { get; init; } = "dev";

    public bool Doc { get; init; }

    public bool DryRun { get; init; }

    /// <summary><c>--target-dir</c> was given: the directory must carry Cargo's <c>CACHEDIR.TAG</c> before it is removed.</summary>
    public bool ExplicitTargetDir { get; init; }
}
