using System.Collections.Immutable;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;

namespace Ferry.Resolver.Features;

/// <summary>
/// What feature selection needs to know about a workspace: its members in the workspace's order,
/// the member whose directory the command runs in (null for a virtual manifest), and whether the
/// root manifest is virtual (which always gets resolver 2's command-line rules).
/// </summary>
public sealed record WorkspaceMembers(ImmutableArray<Summary> Members, PackageId? Current, bool IsVirtual);
