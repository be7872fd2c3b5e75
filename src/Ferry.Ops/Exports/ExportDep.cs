using System.Collections.Immutable;
using Ferry.Core.Identity;

namespace Ferry.Ops.Exports;

/// <summary>An entry of a node's <c>deps</c> in <c>cargo metadata</c>: the extern crate name, the package, and how it is depended on.</summary>
internal sealed record ExportDep(string Name, PackageId Package, ImmutableArray<ExportDepKind> Kinds);
