namespace Ferry.Ops;

/// <summary>
/// The options of <c>ferry tree</c> as the command line gave them; <see cref="Tree"/> checks and
/// interprets them in Cargo's order, so errors come out in the same sequence as Cargo's.
/// </summary>
public sealed record TreeOptions
{
    public string? ManifestPath { get; init; }

    /// <summary><c>-p SPEC</c> values.</summary>
    public IReadOnlyList<string> Packages { get; init; } = [];

    /// <summary><c>-p</c> given without a value (Cargo then lists the workspace members).</summary>
    public bool PackageWithoutValue { get; init; }

    public bool Workspace { get; init; }

    public IReadOnlyList<string> Exclude { get; init; } = [];

    public IReadOnlyList<string> Features { get; init; } = [];

    public bool AllFeatures { get; init; }

    public bool NoDefaultFeatures { get; init; }

    /// <summary><c>--target</c> values; <c>all</c> alone means every platform.</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary><c>--target</c> given without a value.</summary>
    public bool TargetWithoutValue { get; init; }

    /// <summary>Deprecated <c>--all-targets</c> (now <c>--target=all</c>).</summary>
    public bool AllTargets { get; init; }

    /// <summary><c>-e</c> values, already split at commas.</summary>
    public IReadOnlyList<string> Edges { get; init; } = [];

    /// <summary>Deprecated <c>--no-dev-dependencies</c> (now <c>-e no-dev</c>).</summary>
    public bool NoDevDependencies { get; init; }

    /// <summary><c>-i SPEC</c> values.</summary>
    public IReadOnlyList<string> Invert { get; init; } = [];

    /// <summary><c>-i</c> given, but never with a value.</summary>
    public bool InvertWithoutValue { get; init; }

    public IReadOnlyList<string> Prune { get; init; } = [];

    /// <summary><c>--depth</c>: a number, <c>workspace</c>, or null for no limit.</summary>
    public string? Depth { get; init; }

    /// <summary><c>indent</c>, <c>depth</c> or <c>none</c>.</summary>
    public string Prefix { get; init; } = "indent";

    /// <summary>Deprecated <c>--no-indent</c>.</summary>
    public bool NoIndent { get; init; }

    /// <summary>Deprecated <c>--prefix-depth</c>.</summary>
    public bool PrefixDepth { get; init; }

    public bool NoDedupe { get; init; }

    /// <summary>Deprecated <c>-a</c>/<c>--all</c>: no-dedupe and, as in Cargo, the whole workspace.</summary>
    public bool All { get; init; }

    public bool Duplicates { get; init; }

    public string Format { get; init; } = "{p}";

    /// <summary>Draw with box-drawing characters (false: ASCII); the command line decides from <c>--charset</c>, <c>term.unicode</c> and the terminal.</summary>
    public bool Unicode { get; init; } = true;

    /// <summary>Colour the tree lines as Cargo does (stdout is a colour terminal, or <c>--color always</c>).</summary>
    public bool Color { get; init; }
}
