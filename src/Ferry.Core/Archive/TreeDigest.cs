using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Archive;

/// <summary>
/// A content digest of an extracted package: every regular file's relative path, size and
/// SHA-256. Extraction computes it from the archive as it writes and stores it in
/// <see cref="CrateMarkers.FerryDigest"/>, so <c>ferry verify</c> can later tell exactly which
/// files of a cached tree were removed, added or altered.
/// </summary>
/// <remarks>
/// <para>Text form (UTF-8, <c>\n</c> line ends, stable — change the version line to change it):</para>
/// <code>
/// ferry-tree-digest 1
/// &lt;sha256, 64 lowercase hex&gt; &lt;size, decimal&gt; &lt;path&gt;
/// ...
/// </code>
/// <para>One line per file, sorted by the paths' Unicode code points (the same order as their
/// UTF-8 bytes). Paths are relative to the package directory with <c>/</c> separators; bytes
/// below 0x20, 0x7F and <c>%</c> itself are written as <c>%XX</c> so a path can never break the
/// line structure. Directories are not listed: an empty directory carries no content, and the
/// marker files at the package root (<see cref="CrateMarkers.Reserved"/>) are excluded.</para>
/// <para><see cref="Value"/> is the SHA-256 of that text: one string to record or compare.</para>
/// </remarks>
public sealed record TreeDigest
{
    public const string FormatLine = "ferry-tree-digest 1";

    private static readonly SearchValues<char> EscapedChars = SearchValues.Create(
        "%\u007F\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    private TreeDigest(ImmutableArray<TreeDigestEntry> files)
    {
        Files = files;
        Text = Render(files);
        Value = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text)));
    }

    /// <summary>The files, sorted by path.</summary>
    public ImmutableArray<TreeDigestEntry> Files { get; }

    /// <summary>SHA-256 (lowercase hex) of <see cref="Text"/>.</summary>
    public string Value { get; }

    /// <summary>The stored form described in the remarks.</summary>
    public string Text { get; }

    public static TreeDigest FromFiles(IEnumerable<TreeDigestEntry> files)
    {
        var sorted = files.ToList();
        sorted.Sort((a, b) => CompareCodePoints(a.Path, b.Path));
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i].Path == sorted[i - 1].Path)
            {
                throw new ArgumentException($"the path {sorted[i].Path} is listed twice", nameof(files));
            }
        }

        return new TreeDigest([.. sorted]);
    }

    /// <summary>Reads the text form; a malformed digest is a <see cref="FerryException"/> naming the line.</summary>
    public static TreeDigest Parse(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length < 2 || lines[0] != FormatLine || lines[^1].Length != 0)
        {
            throw new FerryException($"malformed tree digest: it must start with `{FormatLine}` and end with a newline");
        }

        var files = new List<TreeDigestEntry>(lines.Length - 2);
        for (var i = 1; i < lines.Length - 1; i++)
        {
            var line = lines[i];
            var firstSpace = line.IndexOf(' ', StringComparison.Ordinal);
            var secondSpace = firstSpace < 0 ? -1 : line.IndexOf(' ', firstSpace + 1);
            if (firstSpace != 64 || secondSpace < 0
                || line.AsSpan(0, 64).ContainsAnyExcept(LowerHex)
                || !long.TryParse(line.AsSpan(65, secondSpace - 65), NumberStyles.None, CultureInfo.InvariantCulture, out var size)
                || Unescape(line[(secondSpace + 1)..]) is not { Length: > 0 } path)
            {
                throw new FerryException(string.Create(CultureInfo.InvariantCulture, $"malformed tree digest: line {i + 1} is not `<sha256> <size> <path>`"));
            }

            files.Add(new TreeDigestEntry(path, size, line[..64]));
        }

        TreeDigest digest;
        try
        {
            digest = FromFiles(files);
        }
        catch (ArgumentException e)
        {
            throw new FerryException("malformed tree digest: a path is listed twice", e);
        }

        if (digest.Text != text)
        {
            throw new FerryException("malformed tree digest: its lines are not in canonical order or form");
        }

        return digest;
    }

    /// <summary>
    /// Recomputes the digest of <paramref name="directory"/> from disk, leaving out the marker
    /// files at its root. Symbolic links (never followed) are an error: an extracted crate has none.
    /// </summary>
    public static async Task<TreeDigest> ComputeAsync(string directory, CancellationToken cancellationToken)
    {
        var scan = await TreeScan.RunAsync(directory, cancellationToken).ConfigureAwait(false);
        if (scan.Irregular.Count > 0)
        {
            var first = scan.Irregular.Order(Comparer<string>.Create(CompareCodePoints)).First();
            throw new FerryException($"`{Path.Combine(directory, first)}` is not a regular file or directory");
        }

        return FromFiles(scan.Files);
    }

    /// <summary>Compares <paramref name="directory"/> with the digest stored in it at extraction.</summary>
    public static async Task<TreeVerification> VerifyAsync(string directory, CancellationToken cancellationToken)
    {
        var stored = Path.Combine(directory, CrateMarkers.FerryDigest);
        string text;
        try
        {
            text = await File.ReadAllTextAsync(stored, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FerryException($"failed to read the tree digest `{stored}`", e);
        }

        var expected = Parse(text);
        var scan = await TreeScan.RunAsync(directory, cancellationToken).ConfigureAwait(false);
        return expected.Compare(scan.Files, scan.Irregular);
    }

    /// <summary>What differs between this (expected) digest and <paramref name="actual"/>.</summary>
    public TreeVerification Compare(TreeDigest actual) => Compare(actual.Files, []);

    public bool Equals(TreeDigest? other) => other is not null && Value == other.Value;

    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    /// <summary>Orders strings by Unicode code point, i.e. by their UTF-8 bytes, not by UTF-16 units.</summary>
    internal static int CompareCodePoints(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            if (a[i] != b[i])
            {
                return Fix(a[i]) - Fix(b[i]);
            }
        }

        return a.Length - b.Length;

        // Surrogates (code points above U+FFFF) sort after U+E000..U+FFFF in code-point order.
        static int Fix(char c) => c >= 0xD800 ? (c >= 0xE000 ? c - 0x800 : c + 0x2000) : c;
    }

    private TreeVerification Compare(IReadOnlyList<TreeDigestEntry> actual, IReadOnlyList<string> irregular)
    {
        var found = actual.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var odd = irregular.ToHashSet(StringComparer.Ordinal);
        var missing = new List<string>();
        var changed = new List<string>();
        foreach (var file in Files)
        {
            if (found.Remove(file.Path, out var now))
            {
                if (now.Size != file.Size || now.Sha256 != file.Sha256)
                {
                    changed.Add(file.Path);
                }
            }
            else if (odd.Remove(file.Path))
            {
                changed.Add(file.Path);
            }
            else
            {
                missing.Add(file.Path);
            }
        }

        var extra = found.Keys.Concat(odd).ToList();
        extra.Sort(CompareCodePoints);
        return new TreeVerification([.. missing], [.. extra], [.. changed]);
    }

    private static string Render(ImmutableArray<TreeDigestEntry> files)
    {
        var builder = new StringBuilder(FormatLine.Length + 1 + (files.Length * 100));
        builder.Append(FormatLine).Append('\n');
        foreach (var file in files)
        {
            builder.Append(file.Sha256).Append(' ')
                .Append(file.Size.ToString(CultureInfo.InvariantCulture)).Append(' ')
                .Append(Escape(file.Path)).Append('\n');
        }

        return builder.ToString();
    }

    private static string Escape(string path)
    {
        if (!path.AsSpan().ContainsAny(EscapedChars))
        {
            return path;
        }

        var builder = new StringBuilder(path.Length + 8);
        foreach (var c in path)
        {
            if (c < 0x20 || c == 0x7F || c == '%')
            {
                builder.Append(CultureInfo.InvariantCulture, $"%{(int)c:X2}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string? Unescape(string field)
    {
        if (!field.Contains('%', StringComparison.Ordinal))
        {
            return field;
        }

        var builder = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] != '%')
            {
                builder.Append(field[i]);
                continue;
            }

            if (i + 2 >= field.Length || !byte.TryParse(field.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }

            builder.Append((char)value);
            i += 2;
        }

        return builder.ToString();
    }
}
