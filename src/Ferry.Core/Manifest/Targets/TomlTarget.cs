using System.Collections.Immutable;

namespace Ferry.Core.Manifest.Targets;

/// <summary>
/// One <c>[lib]</c>, <c>[[bin]]</c>, <c>[[example]]</c>, <c>[[test]]</c> or <c>[[bench]]</c> table as
/// written in Cargo.toml, before any inference. Every key Cargo 1.95 accepts on a target is here;
/// a null property means the key is absent, which matters because Cargo's defaults depend on the
/// kind of target and on what else the table says. (<c>plugin</c> is not a key any more: Cargo 1.95
/// reports it as an unused manifest key, so the manifest parser should treat it as unknown.)
/// </summary>
/// <remarks>
/// The two historical snake_case spellings are kept apart from the kebab-case ones because Cargo
/// warns about them (and rejects them from edition 2024 on), and prefers the kebab-case value when
/// both are given. Normalization fills in <see cref="Name"/> and <see cref="Path"/>; the normalized
/// form is what <c>cargo package</c> writes back into the published manifest.
/// </remarks>
public sealed record TomlTarget
{
    public string? Name { get; init; }

    /// <summary>The <c>path</c> key, relative to the package root unless absolute.</summary>
    public string? Path { get; init; }

    /// <summary><c>crate-type</c>.</summary>
    public ImmutableArray<string>? CrateType { get; init; }

    /// <summary><c>crate_type</c>, the deprecated spelling.</summary>
    public ImmutableArray<string>? CrateTypeUnderscore { get; init; }

    /// <summary><c>filename</c> (unstable <c>different-binary-name</c>; only meaningful on binaries).</summary>
    public string? Filename { get; init; }

    public bool? Test { get; init; }

    public bool? Doctest { get; init; }

    public bool? Bench { get; init; }

    public bool? Doc { get; init; }

    /// <summary><c>doc-scrape-examples</c>.</summary>
    public bool? DocScrapeExamples { get; init; }

    /// <summary><c>proc-macro</c>.</summary>
    public bool? ProcMacro { get; init; }

    /// <summary><c>proc_macro</c>, the deprecated spelling.</summary>
    public bool? ProcMacroUnderscore { get; init; }

    public bool? Harness { get; init; }

    /// <summary><c>required-features</c>; null when absent (an empty list is kept as written).</summary>
    public ImmutableArray<string>? RequiredFeatures { get; init; }

    /// <summary>The deprecated per-target <c>edition</c>, unparsed: Cargo validates it late.</summary>
    public string? Edition { get; init; }

    /// <summary>The crate types in effect: <c>crate-type</c> wins over <c>crate_type</c>.</summary>
    public ImmutableArray<string>? CrateTypes => CrateType ?? CrateTypeUnderscore;

    /// <summary>
    /// Whether the target is a procedural macro: <c>proc-macro</c>, else <c>proc_macro</c>, else
    /// true when a <c>proc-macro</c> crate type is listed, else unknown.
    /// </summary>
    public bool? EffectiveProcMacro
    {
        get
        {
            if (ProcMacro is { } kebab)
            {
                return kebab;
            }

            if (ProcMacroUnderscore is { } snake)
            {
                return snake;
            }

            return CrateTypes is { } types && types.Contains("proc-macro") ? true : null;
        }
    }
}
