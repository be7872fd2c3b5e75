using System.Collections.Immutable;

namespace Ferry.Core.Manifest.Schema;

/// <summary>
/// One <c>[profile.NAME]</c> table (or a <c>package</c>/<c>build-override</c> layer of one), decoded with
/// Cargo's types and type errors. Semantic checks Cargo makes only when building are in
/// <see cref="ProfileValidation"/>.
/// </summary>
public sealed record TomlProfile
{
    /// <summary><c>opt-level</c> as text: a number (any integer is accepted here), <c>s</c> or <c>z</c>.</summary>
    public string? OptLevel { get; init; }

    public StringOrBool? Lto { get; init; }

    public string? CodegenBackend { get; init; }

    public uint? CodegenUnits { get; init; }

    public TomlDebugInfo? Debug { get; init; }

    public string? SplitDebuginfo { get; init; }

    public bool? DebugAssertions { get; init; }

    public bool? Rpath { get; init; }

    public string? Panic { get; init; }

    public bool? OverflowChecks { get; init; }

    public bool? Incremental { get; init; }

    public string? DirName { get; init; }

    public string? Inherits { get; init; }

    public StringOrBool? Strip { get; init; }

    public ImmutableArray<string>? Rustflags { get; init; }

    /// <summary><c>[profile.NAME.package.SPEC]</c> overrides, keyed by the spec as written (<c>*</c> for all).</summary>
    public ImmutableArray<KeyValuePair<string, TomlProfile>>? Package { get; init; }

    public TomlProfile? BuildOverride { get; init; }

    /// <summary><c>trim-paths</c> (unstable), normalized to its display form (<c>none</c>, <c>all</c>, <c>diagnostics,object</c>).</summary>
    public string? TrimPaths { get; init; }

    public bool? HintMostlyUnused { get; init; }
}
