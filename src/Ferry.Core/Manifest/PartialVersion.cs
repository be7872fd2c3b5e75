using System.Text;
using Ferry.Semver;

namespace Ferry.Core.Manifest;

/// <summary>
/// A version with optional minor and patch (<c>1</c>, <c>1.70</c>, <c>1.70.0-beta</c>): cargo-util-schemas'
/// <c>PartialVersion</c>, used by <c>rust-version</c> and package id specs, with its parse errors.
/// </summary>
public sealed record PartialVersion(ulong Major, ulong? Minor, ulong? Patch, string? Pre, string? Build)
{
    public static PartialVersion Parse(string text) =>
        TryParse(text, out var version, out var error) ? version : throw new FormatException(error);

    public static bool TryParse(string text, out PartialVersion version, out string error)
    {
        version = null!;
        error = string.Empty;
        if (Version.TryParse(text, out var full))
        {
            version = new PartialVersion(full.Major, full.Minor, full.Patch, full.Pre.IsEmpty ? null : full.Pre.AsString, full.Build.IsEmpty ? null : full.Build.ToString());
            return true;
        }

        // Like cargo: a one-comparator caret requirement written without `^` is a partial version.
        if (!VersionReq.TryParse(text, out var req))
        {
            error = text.Contains('-', StringComparison.Ordinal) ? PrereleaseError
                : text.Contains('+', StringComparison.Ordinal) ? BuildError
                : "expected a version like \"1.32\"";
            return false;
        }

        if (req.Comparators.Length != 1 || req.Comparators[0].Op != Op.Caret || text.StartsWith('^'))
        {
            error = "unexpected version requirement, expected a version like \"1.32\"";
            return false;
        }

        var comparator = req.Comparators[0];
        version = new PartialVersion(comparator.Major, comparator.Minor, comparator.Patch, comparator.Pre.IsEmpty ? null : comparator.Pre.AsString, null);
        return true;
    }

    internal const string PrereleaseError = "unexpected prerelease field, expected a version like \"1.32\"";
    internal const string BuildError = "unexpected build field, expected a version like \"1.32\"";

    /// <summary>The full version, when minor and patch are given.</summary>
    public Version? ToVersion()
    {
        if (Minor is not { } minor || Patch is not { } patch)
        {
            return null;
        }

        return Version.Parse(new PartialVersion(Major, minor, patch, Pre, Build).ToString());
    }

    /// <summary>Whether <paramref name="version"/> matches (pre-releases only when this names one; build metadata when given).</summary>
    public bool Matches(Version version)
    {
        if (version.IsPrerelease && Pre is null)
        {
            return false;
        }

        return Major == version.Major
            && (Minor is null || Minor == version.Minor)
            && (Patch is null || Patch == version.Patch)
            && (Pre is null || Pre == version.Pre.AsString)
            && (Build is null || Build == version.Build.ToString());
    }

    public override string ToString()
    {
        var text = new StringBuilder().Append(Major);
        if (Minor is { } minor)
        {
            text.Append('.').Append(minor);
        }

        if (Patch is { } patch)
        {
            text.Append('.').Append(patch);
        }

        if (Pre is not null)
        {
            text.Append('-').Append(Pre);
        }

        if (Build is not null)
        {
            text.Append('+').Append(Build);
        }

        return text.ToString();
    }
}
