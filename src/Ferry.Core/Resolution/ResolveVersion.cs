using Ferry.Core.Dependencies;

namespace Ferry.Core.Resolution;

/// <summary>Cargo.lock format versions, in order. Cargo 1.95 writes V4 unless an old <c>rust-version</c> asks for less.</summary>
public enum ResolveVersion
{
    V1 = 1,
    V2 = 2,
    V3 = 3,
    V4 = 4,
    V5 = 5,
}

public static class ResolveVersions
{
    public const ResolveVersion Default = ResolveVersion.V4;

    public const ResolveVersion MaxStable = ResolveVersion.V4;

    /// <summary>The newest format that the workspace's lowest <c>rust-version</c> can read.</summary>
    public static ResolveVersion WithRustVersion(RustVersion? rustVersion)
    {
        if (rustVersion is null)
        {
            return Default;
        }

        if (rustVersion >= new RustVersion(1, 83, null))
        {
            return ResolveVersion.V4;
        }

        if (rustVersion >= new RustVersion(1, 53, null))
        {
            return ResolveVersion.V3;
        }

        return rustVersion >= new RustVersion(1, 41, null) ? ResolveVersion.V2 : ResolveVersion.V1;
    }
}
