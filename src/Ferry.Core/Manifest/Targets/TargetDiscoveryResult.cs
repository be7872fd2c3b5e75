using System.Collections.Immutable;

namespace Ferry.Core.Manifest.Targets;

/// <summary>
/// A package's targets in <c>cargo metadata</c> order (library, binaries, examples, tests,
/// benchmarks, build scripts), with the warnings (printed as <c>warning: ...</c>) and the deferred
/// errors described on <see cref="NormalizedTargets.Errors"/>.
/// </summary>
public sealed record TargetDiscoveryResult(
    ImmutableArray<Target> Targets,
    ImmutableArray<string> Warnings,
    ImmutableArray<string> Errors);
