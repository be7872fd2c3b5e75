using Ferry.Core.Dependencies;
using TargetPlatform = Ferry.Platform.Platform;

namespace Ferry.Ops.Exports;

/// <summary>
/// One entry of a dependency's <c>dep_kinds</c> in <c>cargo metadata</c> (Cargo's <c>DepKindInfo</c>
/// without the unstable artifact fields): the table it was declared in and its platform. Sorted
/// as Cargo's derived order sorts them: by kind, then no platform before any, then the platform.
/// </summary>
internal sealed record ExportDepKind(DependencyKind Kind, TargetPlatform? Target) : IComparable<ExportDepKind>
{
    public int CompareTo(ExportDepKind? other)
    {
        if (other is null)
        {
            return 1;
        }

        var kind = Kind.CompareTo(other.Kind);
        if (kind != 0)
        {
            return kind;
        }

        if (Target is null)
        {
            return other.Target is null ? 0 : -1;
        }

        return Target.CompareTo(other.Target);
    }

    /// <summary>Cargo's serialization of <c>DepKind</c>: null for normal dependencies.</summary>
    public string? KindText => Kind switch
    {
        DependencyKind.Development => "dev",
        DependencyKind.Build => "build",
        _ => null,
    };
}
