using System.Collections.Immutable;
using Ferry.Core.Manifest.Schema;

namespace Ferry.Build.Profiles;

/// <summary>
/// The settings one unit is compiled with (Cargo's <c>Profile</c>). Two profiles are equal when
/// their settings are, whatever their names: <c>dev</c> and <c>test</c> units with the same settings
/// share their outputs, as in Cargo.
/// </summary>
/// <remarks>
/// <see cref="DebugInfoDeferred"/> and <see cref="StripDeferred"/> mark values that were not written
/// anywhere: the graph pass (<see cref="Units.UnitSharing"/>) may still weaken debuginfo of
/// host-only dependencies and strip debuginfo when nothing has any. Neither flag takes part in equality.
/// </remarks>
public sealed record Profile
{
    public string Name { get; init; } = string.Empty;

    public ProfileRoot Root { get; init; } = ProfileRoot.Debug;

    /// <summary><c>0</c>..<c>3</c>, <c>s</c> or <c>z</c>.</summary>
    public string OptLevel { get; init; } = "0";

    public ProfileLto Lto { get; init; } = ProfileLto.False;

    public string? CodegenBackend { get; init; }

    public uint? CodegenUnits { get; init; }

    public TomlDebugInfo DebugInfo { get; init; } = TomlDebugInfo.None;

    public bool DebugInfoDeferred { get; init; }

    public string? SplitDebuginfo { get; init; }

    public bool DebugAssertions { get; init; }

    public bool OverflowChecks { get; init; }

    public bool Rpath { get; init; }

    public bool Incremental { get; init; }

    public PanicStrategy Panic { get; init; } = PanicStrategy.Unwind;

    /// <summary><c>none</c>, <c>debuginfo</c> or <c>symbols</c>.</summary>
    public string Strip { get; init; } = "none";

    public bool StripDeferred { get; init; } = true;

    public ImmutableArray<string> Rustflags { get; init; } = [];

    public string? TrimPaths { get; init; }

    public bool DebugInfoTurnedOn => DebugInfo != TomlDebugInfo.None;

    public static Profile DefaultDev { get; } = new()
    {
        Name = "dev",
        Root = ProfileRoot.Debug,
        DebugInfo = TomlDebugInfo.Full,
        DebugAssertions = true,
        OverflowChecks = true,
        Incremental = true,
    };

    public static Profile DefaultRelease { get; } = new()
    {
        Name = "release",
        Root = ProfileRoot.Release,
        OptLevel = "3",
    };

    /// <summary>The <c>debug</c> value as rustc spells it in <c>-C debuginfo=</c>.</summary>
    public static string DebugInfoFlag(TomlDebugInfo value) => value switch
    {
        TomlDebugInfo.None => "0",
        TomlDebugInfo.LineDirectivesOnly => "line-directives-only",
        TomlDebugInfo.LineTablesOnly => "line-tables-only",
        TomlDebugInfo.Limited => "1",
        _ => "2",
    };

    /// <summary>Every setting that makes a difference to the output, in one string (for hashing and equality).</summary>
    public string Comparable =>
        string.Join(
            '\u001f',
            OptLevel,
            Lto.Value,
            CodegenBackend ?? "-",
            CodegenUnits?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
            DebugInfoFlag(DebugInfo),
            SplitDebuginfo ?? "-",
            DebugAssertions ? "1" : "0",
            OverflowChecks ? "1" : "0",
            Rpath ? "1" : "0",
            Incremental ? "1" : "0",
            Panic.ToString(),
            Strip,
            string.Join(' ', Rustflags),
            TrimPaths ?? "-");

    public bool Equals(Profile? other) => other is not null && Comparable == other.Comparable;

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Comparable);
}
