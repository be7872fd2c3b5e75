using System.Collections.Immutable;
using Ferry.Core.Identity;

namespace Ferry.Resolver.Features;

/// <summary>The packages whose library is a proc-macro, known up front (proc-macro examples are not distinguished).</summary>
public sealed record ProcMacroSet(ImmutableHashSet<PackageId> ProcMacros) : IProcMacroInfo
{
    public static ProcMacroSet None { get; } = new(ImmutableHashSet<PackageId>.Empty);

    public bool HasProcMacroLib(PackageId package) => ProcMacros.Contains(package);

    public bool HasAnyProcMacro(PackageId package) => ProcMacros.Contains(package);
}
