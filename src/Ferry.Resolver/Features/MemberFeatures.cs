using Ferry.Core.Dependencies;
using Ferry.Core.Identity;

namespace Ferry.Resolver.Features;

/// <summary>A workspace member to resolve, with the command-line features that apply to it.</summary>
public sealed record MemberFeatures(Summary Member, CliFeatures Features)
{
    public PackageId Id => Member.PackageId;

    /// <summary>
    /// The root for the dependency resolver's second, targeted pass (Cargo's
    /// <c>resolve_with_previous</c>), which reports unknown features with Cargo's messages.
    /// Dev-dependencies are always resolved, whatever is built.
    /// </summary>
    public (Summary Summary, ResolveOpts Opts) ToResolveRoot() => (Member, new ResolveOpts(true, new RequestedFeatures.Cli(Features)));
}
