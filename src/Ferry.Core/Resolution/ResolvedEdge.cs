using System.Collections.Immutable;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;

namespace Ferry.Core.Resolution;

/// <summary>An edge of the resolve graph: the package a dependency resolved to and the declarations that led there.</summary>
public sealed record ResolvedEdge(PackageId Target, ImmutableArray<Dependency> Declarations);
