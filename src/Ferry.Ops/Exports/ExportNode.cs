using System.Collections.Immutable;
using Ferry.Core.Identity;

namespace Ferry.Ops.Exports;

/// <summary>A node of <c>resolve.nodes</c> in <c>cargo metadata</c>: a package, its dependencies with a library, and its activated features.</summary>
internal sealed record ExportNode(PackageId Id, ImmutableArray<ExportDep> Deps, ImmutableArray<string> Features);
