using System.Collections.Immutable;

namespace Ferry.Core.Manifest.Targets;

/// <summary>
/// The target tables after inference, as Cargo's normalized manifest holds them: every target has
/// a name and a package-relative (lexically normalized) path, inferred targets are added, and each
/// list is in Cargo's order. This is also what <c>cargo package</c> writes into the published
/// Cargo.toml, so it is kept separate from the <see cref="Target"/> list built from it.
/// </summary>
/// <param name="Lib">The library, or null.</param>
/// <param name="BuildScripts">Build script paths relative to the package root; empty when there is no build script.</param>
/// <param name="Warnings">Warnings in the order Cargo emits them.</param>
/// <param name="Errors">
/// Problems Cargo defers rather than failing at once (a binary with crate types, an example whose
/// file is missing, ...): the offending target is left out or kept as is, <c>cargo metadata</c> still
/// succeeds, and every other command prints the warnings and then fails with the first of these.
/// </param>
public sealed record NormalizedTargets(
    TomlTarget? Lib,
    ImmutableArray<TomlTarget> Bins,
    ImmutableArray<TomlTarget> Examples,
    ImmutableArray<TomlTarget> Tests,
    ImmutableArray<TomlTarget> Benches,
    ImmutableArray<string> BuildScripts,
    ImmutableArray<string> Warnings,
    ImmutableArray<string> Errors);
