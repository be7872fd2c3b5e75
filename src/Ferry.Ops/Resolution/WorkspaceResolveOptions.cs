using Ferry.Core.Identity;
using Ferry.Resolver;
using Ferry.Resolver.Features;

namespace Ferry.Ops.Resolution;

/// <summary>What a resolution of the workspace is asked for (Cargo's arguments to <c>resolve_with_previous</c>).</summary>
internal sealed record WorkspaceResolveOptions
{
    /// <summary>The features the members are activated with; the lockfile always uses all of them.</summary>
    public CliFeatures Features { get; init; } = CliFeatures.All;

    /// <summary>
    /// Cargo's targeted second pass (<c>resolve_with_previous</c> with a command's <c>-p</c> and
    /// <c>--features</c>): only these members, each with its own features, from
    /// <see cref="WorkspaceFeatureSelection.MembersWithFeatures"/>. Null: every member with <see cref="Features"/>.
    /// </summary>
    public IReadOnlyList<MemberFeatures>? Members { get; init; }

    public bool HasDevUnits { get; init; } = true;

    /// <summary>Which packages of the previous lockfile may stay as they are (null: all of them).</summary>
    public Func<PackageId, bool>? KeepPrevious { get; init; }

    public bool RegisterPatches { get; init; } = true;

    /// <summary><c>update --precise</c> of a yanked version: that version becomes selectable.</summary>
    public IReadOnlyList<PackageId> AllowYanked { get; init; } = [];
}
