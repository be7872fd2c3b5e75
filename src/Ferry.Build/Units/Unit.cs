using System.Collections.Immutable;
using Ferry.Build.Profiles;
using Ferry.Core.Manifest.Targets;
using Ferry.Resolver.Features;

namespace Ferry.Build.Units;

/// <summary>
/// One thing to compile or run (Cargo's <c>Unit</c>): a target of a package with a profile, a
/// compile kind, a mode and features. Units are interned (<see cref="UnitInterner"/>), so two
/// equal units are the same object and reference equality is value equality.
/// </summary>
public sealed class Unit : IComparable<Unit>
{
    internal Unit(
        int index,
        BuildPackage package,
        Target target,
        Profile profile,
        CompileKind kind,
        CompileMode mode,
        ImmutableArray<string> features,
        ImmutableArray<string> rustflags,
        ImmutableArray<string> rustdocflags,
        ulong depHash)
    {
        Index = index;
        Package = package;
        Target = target;
        Profile = profile;
        Kind = kind;
        Mode = mode;
        Features = features;
        Rustflags = rustflags;
        Rustdocflags = rustdocflags;
        DepHash = depHash;
    }

    /// <summary>Creation order: stable within a run, used for ordering and as a short id.</summary>
    public int Index { get; }

    public BuildPackage Package { get; }

    public Target Target { get; }

    public Profile Profile { get; }

    public CompileKind Kind { get; }

    public CompileMode Mode { get; }

    /// <summary>The activated features, sorted.</summary>
    public ImmutableArray<string> Features { get; }

    public ImmutableArray<string> Rustflags { get; }

    public ImmutableArray<string> Rustdocflags { get; }

    /// <summary>A hash of the dependencies, set by the sharing pass so units with different dependencies stay apart.</summary>
    public ulong DepHash { get; }

    /// <summary>Diagnostics are shown and sources tracked for path packages.</summary>
    public bool IsLocal => Package.IsLocal;

    /// <summary>Warnings are shown for local packages only (Cargo's <c>show_warnings</c> without <c>-vv</c> override).</summary>
    public bool ShowWarnings(bool extraVerbose) => IsLocal || extraVerbose;

    /// <summary>Cargo's <c>requires_upstream_objects</c>: tests and anything with a non-rlib crate type link their dependencies.</summary>
    public bool RequiresUpstreamObjects => Mode.IsAnyTest() || Target.CrateTypes.Any(CrateTypes.RequiresUpstreamObjects);

    public bool IsLinkable => Target.CrateTypes.Any(CrateTypes.IsLinkable) && Target.IsLib;

    /// <summary>The crate name: the target name with <c>-</c> replaced by <c>_</c>.</summary>
    public string CrateName => Target.Name.Replace('-', '_');

    public int CompareTo(Unit? other) => other is null ? 1 : Index.CompareTo(other.Index);

    public override string ToString() => $"{Package.Name} {Target.KindDescription} {Target.Name} {Mode} {Kind}";
}
