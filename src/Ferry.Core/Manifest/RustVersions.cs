using Ferry.Core.Dependencies;

namespace Ferry.Core.Manifest;

/// <summary>
/// <c>rust-version</c> as the manifest reads it: cargo-util-schemas parses it through
/// <see cref="PartialVersion"/> (so its messages are those of a version requirement), and checks an
/// edition's first Rust release against it with caret semantics.
/// </summary>
public static class RustVersions
{
    public static bool TryParse(string text, out RustVersion version, out string error)
    {
        version = null!;
        if (!PartialVersion.TryParse(text, out var partial, out error))
        {
            return false;
        }

        if (partial.Pre is not null)
        {
            error = PartialVersion.PrereleaseError;
            return false;
        }

        if (partial.Build is not null)
        {
            error = PartialVersion.BuildError;
            return false;
        }

        version = new RustVersion(partial.Major, partial.Minor, partial.Patch);
        return true;
    }

    /// <summary>Cargo's <c>RustVersion::is_compatible_with</c>: does <c>^msrv</c> accept the release <paramref name="rustc"/>?</summary>
    public static bool IsCompatibleWith(RustVersion msrv, RustVersion rustc)
    {
        var minor = rustc.Minor ?? 0;
        var patch = rustc.Patch ?? 0;
        if (msrv.Major != rustc.Major)
        {
            return false;
        }

        if (msrv.Major > 0)
        {
            var ownMinor = msrv.Minor ?? 0;
            return minor != ownMinor ? minor > ownMinor : patch >= (msrv.Patch ?? 0);
        }

        if (msrv.Minor is not { } m)
        {
            return true;
        }

        if (m != minor)
        {
            return false;
        }

        return m > 0 ? msrv.Patch is not { } p0 || patch >= p0 : msrv.Patch is not { } p || patch == p;
    }
}
