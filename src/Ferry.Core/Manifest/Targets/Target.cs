using System.Collections.Immutable;

namespace Ferry.Core.Manifest.Targets;

/// <summary>
/// One compilable target of a package after normalization, with every default applied: what
/// <c>cargo metadata</c> lists under <c>targets</c> and what the build plans units from.
/// </summary>
public sealed record Target
{
    public required TargetKind Kind { get; init; }

    public required string Name { get; init; }

    /// <summary>The entry point: the package root joined with the (lexically normalized) target path.</summary>
    public required string SrcPath { get; init; }

    /// <summary>
    /// The crate types passed to rustc: the declared ones for a library or a library-like example,
    /// <c>bin</c> for everything else. Spelled as Cargo prints them (<c>procmacro</c> becomes <c>proc-macro</c>).
    /// </summary>
    public required ImmutableArray<string> CrateTypes { get; init; }

    /// <summary>The edition the target compiles with (<c>2015</c> ... <c>2024</c>, or <c>future</c>).</summary>
    public required string Edition { get; init; }

    /// <summary>Built and run by <c>cargo test</c> (the <c>test</c> key).</summary>
    public bool Tested { get; init; } = true;

    /// <summary>Built and run by <c>cargo bench</c> (the <c>bench</c> key).</summary>
    public bool Benched { get; init; } = true;

    /// <summary>Documented by <c>cargo doc</c> (the <c>doc</c> key).</summary>
    public bool Documented { get; init; }

    /// <summary>The <c>doctest</c> setting; only libraries with a linkable Rust crate type actually run doctests (<see cref="IsDoctestable"/>).</summary>
    public bool Doctested { get; init; }

    public bool Harness { get; init; } = true;

    /// <summary>Compiled for the host: build scripts and procedural macros.</summary>
    public bool ForHost { get; init; }

    public bool ProcMacro { get; init; }

    /// <summary>The <c>required-features</c> list; null when the key is absent.</summary>
    public ImmutableArray<string>? RequiredFeatures { get; init; }

    /// <summary><c>doc-scrape-examples</c>: null when unset (Cargo then decides per kind).</summary>
    public bool? DocScrapeExamples { get; init; }

    /// <summary>True when Cargo chose the name (a library without <c>name</c>); used in messages about renames.</summary>
    public bool NameInferred { get; init; }

    /// <summary>The unstable <c>filename</c> of a binary.</summary>
    public string? BinaryFilename { get; init; }

    public bool IsLib => Kind == TargetKind.Lib;

    public bool IsBin => Kind == TargetKind.Bin;

    public bool IsExample => Kind is TargetKind.ExampleBin or TargetKind.ExampleLib;

    public bool IsTest => Kind == TargetKind.Test;

    public bool IsBench => Kind == TargetKind.Bench;

    public bool IsCustomBuild => Kind == TargetKind.CustomBuild;

    /// <summary>Doctests exist only for libraries rustdoc can link against.</summary>
    public bool IsDoctestable =>
        Kind == TargetKind.Lib && (CrateTypes.Contains("lib") || CrateTypes.Contains("rlib") || CrateTypes.Contains("proc-macro"));

    /// <summary>The <c>kind</c> array of <c>cargo metadata</c>: a library's crate types, else one fixed word.</summary>
    public ImmutableArray<string> MetadataKind => Kind switch
    {
        TargetKind.Lib => CrateTypes,
        TargetKind.Bin => ["bin"],
        TargetKind.ExampleBin or TargetKind.ExampleLib => ["example"],
        TargetKind.Test => ["test"],
        TargetKind.Bench => ["bench"],
        _ => ["custom-build"],
    };

    /// <summary>Cargo's short description of the kind, as used in "found to be present in multiple build targets".</summary>
    public string KindDescription => Kind switch
    {
        TargetKind.Lib => "lib",
        TargetKind.Bin => "bin",
        TargetKind.Test => "integration-test",
        TargetKind.ExampleBin or TargetKind.ExampleLib => "example",
        TargetKind.Bench => "bench",
        _ => "build-script",
    };
}
