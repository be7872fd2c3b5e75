using System.Text;

namespace Ferry.Core.Identity;

/// <summary>Which commit of a git dependency to use: a tag, a branch, a revision or the default branch.</summary>
public sealed record GitReference(GitReferenceKind Kind, string Value) : IComparable<GitReference>
{
    public static GitReference DefaultBranch { get; } = new(GitReferenceKind.DefaultBranch, string.Empty);

    public static GitReference Branch(string name) => new(GitReferenceKind.Branch, name);

    public static GitReference Tag(string name) => new(GitReferenceKind.Tag, name);

    public static GitReference Rev(string rev) => new(GitReferenceKind.Rev, rev);

    /// <summary>Reads <c>?branch=x</c>, <c>?tag=x</c>, <c>?rev=x</c> (and the old <c>?ref=x</c>) from a source URL's query.</summary>
    public static GitReference FromQuery(string? query)
    {
        var reference = DefaultBranch;
        if (string.IsNullOrEmpty(query))
        {
            return reference;
        }

        foreach (var pair in query.Split('&'))
        {
            var eq = pair.IndexOf('=');
            var key = eq < 0 ? pair : pair[..eq];
            var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            reference = key switch
            {
                "branch" or "ref" => Branch(value),
                "rev" => Rev(value),
                "tag" => Tag(value),
                _ => reference,
            };
        }

        return reference;
    }

    /// <summary><c>branch=x</c> etc. as written after <c>?</c> in a source URL; null for the default branch.</summary>
    public string? PrettyRef(bool urlEncoded)
    {
        var prefix = Kind switch
        {
            GitReferenceKind.Branch => "branch=",
            GitReferenceKind.Tag => "tag=",
            GitReferenceKind.Rev => "rev=",
            _ => null,
        };
        if (prefix is null)
        {
            return null;
        }

        return prefix + (urlEncoded ? FormEncode(Value) : Value);
    }

    public int CompareTo(GitReference? other)
    {
        if (other is null)
        {
            return 1;
        }

        var kind = Kind.CompareTo(other.Kind);
        return kind != 0 ? kind : string.CompareOrdinal(Value, other.Value);
    }

    /// <summary>application/x-www-form-urlencoded, as the url crate's <c>byte_serialize</c> writes it.</summary>
    private static string FormEncode(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '*' or '-' or '.' or '_')
            {
                text.Append(c);
            }
            else if (c == ' ')
            {
                text.Append('+');
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
