using System.Collections.Immutable;
using Ferry.Platform;
using Ferry.Resolver.Features;

namespace Ferry.Build.Rustc;

/// <summary>
/// What rustc reported about one compile kind (Cargo's <c>TargetInfo</c>): cfg values, output file
/// names per crate type (null: unsupported), the supported <c>split-debuginfo</c> values, the
/// sysroot's library directory, and the flags from <c>RUSTFLAGS</c> and configuration for that kind.
/// </summary>
public sealed record TargetInfo
{
    public required CompileKind Kind { get; init; }

    /// <summary>The triple (or custom target short name) units of this kind are built for.</summary>
    public required string ShortName { get; init; }

    public required ImmutableArray<Cfg> Cfgs { get; init; }

    public required ImmutableDictionary<string, CrateTypeFiles?> CrateTypes { get; init; }

    public required ImmutableArray<string> SupportedSplitDebuginfo { get; init; }

    public required string Sysroot { get; init; }

    public required string SysrootTargetLibdir { get; init; }

    public required ImmutableArray<string> Rustflags { get; init; }

    public required ImmutableArray<string> Rustdocflags { get; init; }

    public CrateTypeFiles? Files(string crateType) =>
        CrateTypes.TryGetValue(crateType == "lib" ? "rlib" : crateType, out var files) ? files : null;
}
