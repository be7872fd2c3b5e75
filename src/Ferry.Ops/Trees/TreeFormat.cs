using System.Collections.Immutable;
using System.Text;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops.Trees;

/// <summary>
/// A parsed <c>--format</c> string (Cargo's <c>cargo_tree::format::Pattern</c> and its parser):
/// text with <c>{name}</c> placeholders, <c>{{</c> and <c>}}</c> for literal braces. A name starts
/// with a letter and continues with letters or digits; anything else between the braces, an
/// unknown name or an unbalanced brace is an error, with Cargo's wording.
/// </summary>
internal sealed record TreeFormat(ImmutableArray<TreeFormatChunk> Chunks)
{
    public static TreeFormat Parse(string format)
    {
        var chunks = ImmutableArray.CreateBuilder<TreeFormatChunk>();
        var i = 0;
        while (i < format.Length)
        {
            var c = format[i];
            if (c == '{')
            {
                i++;
                if (i < format.Length && format[i] == '{')
                {
                    i++;
                    chunks.Add(new TreeFormatChunk(TreeFormatChunkKind.Raw, "{"));
                    continue;
                }

                var name = Name(format, ref i);
                if (i < format.Length && format[i] == '}')
                {
                    i++;
                    chunks.Add(Argument(name));
                    continue;
                }

                throw Invalid("expected '}'");
            }

            if (c == '}')
            {
                i++;
                if (i < format.Length && format[i] == '}')
                {
                    i++;
                    chunks.Add(new TreeFormatChunk(TreeFormatChunkKind.Raw, "}"));
                    continue;
                }

                throw Invalid("unexpected '}'");
            }

            var start = i;
            while (i < format.Length && format[i] is not ('{' or '}'))
            {
                i++;
            }

            chunks.Add(new TreeFormatChunk(TreeFormatChunkKind.Raw, format[start..i]));
        }

        return new TreeFormat(chunks.ToImmutable());
    }

    /// <summary>Rust's <c>char::is_alphabetic</c>/<c>is_alphanumeric</c> over whole code points.</summary>
    private static string Name(string format, ref int i)
    {
        var start = i;
        var first = true;
        while (i < format.Length)
        {
            var rune = Rune.GetRuneAt(format, i);
            var ok = first ? Rune.IsLetter(rune) : Rune.IsLetterOrDigit(rune);
            if (!ok)
            {
                break;
            }

            first = false;
            i += rune.Utf16SequenceLength;
        }

        return format[start..i];
    }

    private static TreeFormatChunk Argument(string name) => name switch
    {
        "package" or "p" => new TreeFormatChunk(TreeFormatChunkKind.Package),
        "license" or "l" => new TreeFormatChunk(TreeFormatChunkKind.License),
        "repository" or "r" => new TreeFormatChunk(TreeFormatChunkKind.Repository),
        "features" or "f" => new TreeFormatChunk(TreeFormatChunkKind.Features),
        "lib" => new TreeFormatChunk(TreeFormatChunkKind.LibName),
        _ => throw Invalid($"unsupported pattern `{name}`"),
    };

    private static FerryException Invalid(string message) => new(message);
}
