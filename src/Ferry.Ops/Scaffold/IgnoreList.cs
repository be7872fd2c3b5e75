using System.Text;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops.Scaffold;

/// <summary>
/// The entries a new package asks its VCS to ignore, in the three syntaxes Cargo knows (git-style
/// globs, Mercurial regexps, Fossil globs), and how they are added to an existing ignore file:
/// under a <c># Added by cargo</c> comment, with entries already present commented out (Fossil,
/// which has no comments, just skips them).
/// </summary>
internal sealed class IgnoreList
{
    private readonly List<string> _ignore = [];
    private readonly List<string> _hgIgnore = [];
    private readonly List<string> _fossilIgnore = [];

    /// <summary>What every new package ignores: its <c>target</c> directory.</summary>
    public static IgnoreList Default()
    {
        var list = new IgnoreList();
        list.Push("/target", "^target$", "target");
        return list;
    }

    public void Push(string ignore, string hgIgnore, string fossilIgnore)
    {
        _ignore.Add(ignore);
        _hgIgnore.Add(hgIgnore);
        _fossilIgnore.Add(fossilIgnore);
    }

    /// <summary>The contents of a new ignore file.</summary>
    public string FormatNew(VersionControl vcs) => string.Join('\n', Items(vcs)) + "\n";

    /// <summary>What to append to an existing ignore file whose lines are <paramref name="existing"/>.</summary>
    public string FormatExisting(byte[] existing, VersionControl vcs)
    {
        var existingItems = ReadLines(existing);
        var items = Items(vcs);
        var text = new StringBuilder();
        if (vcs != VersionControl.Fossil)
        {
            text.Append("\n\n# Added by cargo\n");
            if (items.Any(existingItems.Contains))
            {
                text.Append("#\n# already existing elements were commented out\n");
            }

            text.Append('\n');
        }

        foreach (var item in items)
        {
            if (existingItems.Contains(item))
            {
                if (vcs == VersionControl.Fossil)
                {
                    continue;
                }

                text.Append('#');
            }

            text.Append(item).Append('\n');
        }

        return text.ToString();
    }

    private List<string> Items(VersionControl vcs) => vcs switch
    {
        VersionControl.Hg => _hgIgnore,
        VersionControl.Fossil => _fossilIgnore,
        _ => _ignore,
    };

    /// <summary>Rust's <c>BufRead::lines</c>: split at <c>\n</c>, a <c>\r</c> before it dropped, UTF-8 required.</summary>
    private static HashSet<string> ReadLines(byte[] bytes)
    {
        var lines = new HashSet<string>(StringComparer.Ordinal);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var start = 0;
        var index = 0;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            var next = end < 0 ? bytes.Length : end + 1;
            var length = (end < 0 ? bytes.Length : end) - start;
            if (end >= 0 && length > 0 && bytes[start + length - 1] == '\r')
            {
                length--;
            }

            try
            {
                lines.Add(utf8.GetString(bytes, start, length));
            }
            catch (DecoderFallbackException)
            {
                throw new FerryException($"Character at line {index} is invalid. Cargo only supports UTF-8.");
            }

            start = next;
            index++;
        }

        return lines;
    }
}
