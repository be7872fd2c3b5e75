using System.Globalization;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Dependencies;

/// <summary>
/// A <c>rust-version</c>: <c>major.minor</c> or <c>major.minor.patch</c> with no pre-release or
/// build. Compared with missing parts treated as zero, as Cargo's MSRV-aware resolver does.
/// </summary>
public sealed record RustVersion(ulong Major, ulong? Minor, ulong? Patch) : IComparable<RustVersion>
{
    /// <summary>Parses with Cargo's messages (<c>unexpected version requirement, expected a version like "1.32"</c>).</summary>
    public static RustVersion Parse(string text)
    {
        if (TryParse(text, out var version, out var error))
        {
            return version;
        }

        throw new FerryException(error);
    }

    public static bool TryParse(string text, out RustVersion version, out string error)
    {
        version = null!;
        error = string.Empty;
        if (text.Length == 0 || text.Contains('+') || text.Contains('-'))
        {
            error = text.Contains('-') ? "unexpected prerelease field, expected a version like \"1.32\""
                : text.Contains('+') ? "unexpected build field, expected a version like \"1.32\""
                : "unexpected end of input while parsing major version number";
            return false;
        }

        var parts = text.Split('.');
        if (parts.Length > 3)
        {
            error = "unexpected version requirement, expected a version like \"1.32\"";
            return false;
        }

        var numbers = new ulong?[3];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!ulong.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                || (parts[i].Length > 1 && parts[i][0] == '0'))
            {
                error = "unexpected version requirement, expected a version like \"1.32\"";
                return false;
            }

            numbers[i] = value;
        }

        version = new RustVersion(numbers[0]!.Value, numbers[1], numbers[2]);
        return true;
    }

    public int CompareTo(RustVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = Major.CompareTo(other.Major);
        if (c != 0)
        {
            return c;
        }

        c = (Minor ?? 0).CompareTo(other.Minor ?? 0);
        return c != 0 ? c : (Patch ?? 0).CompareTo(other.Patch ?? 0);
    }

    public static bool operator <(RustVersion left, RustVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(RustVersion left, RustVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(RustVersion left, RustVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(RustVersion left, RustVersion right) => left.CompareTo(right) >= 0;

    public override string ToString() =>
        Patch is { } p ? $"{Major}.{Minor}.{p}" : Minor is { } m ? $"{Major}.{m}" : $"{Major}";
}
