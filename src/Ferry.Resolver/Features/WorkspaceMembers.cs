using System.Collections.Immutable;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;

namespace Ferry.Resolver.Features;

/// <summary>
/// What feature selection needs to know about a workspace: its members in the workspace's order,
/// the member whose manifest the command runs from (null for a virtual manifest), and whether that
/// manifest is virtual (Cargo's <c>Workspace::is_virtual</c>, which always gets resolver 2's
/// command-line rules; running from a member's directory of a virtual workspace does not).
/// </summary>
public sealed record WorkspaceMembers(ImmutableArray<Summary> Members, PackageId? Current, bool IsVirtual);
