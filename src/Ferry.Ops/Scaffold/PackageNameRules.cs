using System.Globalization;
using System.Text;

namespace Ferry.Ops.Scaffold;

/// <summary>
/// Cargo's rules for names chosen by <c>new</c>/<c>init</c> (<c>restricted_names</c> in Cargo and
/// cargo-util-schemas): the identifier grammar with its error texts, plus the lists of names that
/// are refused or only warned about. Unicode XID membership is taken from .NET's general
/// categories (letters and letter numbers start, marks, digits and connectors continue, plus the
/// few Other_ID_Continue characters), which agrees with the <c>unicode-ident</c> tables for every
/// name anyone types.
/// </summary>
internal static class PackageNameRules
{
    private static readonly string[] Keywords =
    [
        "Self", "abstract", "as", "async", "await", "become", "box", "break", "const", "continue",
        "crate", "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "if",
        "impl", "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv",
        "pub", "ref", "return", "self", "static", "struct", "super", "trait", "true", "try",
        "type", "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
    ];

    private static readonly string[] WindowsReserved =
    [
        "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
        "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    ];

    private static readonly string[] ArtifactDirectories = ["deps", "examples", "build", "incremental"];

    private static readonly string[] StandardLibraryNames = ["core", "std", "alloc", "proc_macro", "proc-macro"];

    /// <summary>rustc's crate-name check, which decides whether Cargo suggests a <c>[[bin]]</c> rename.</summary>
    public static bool IsValidCrateName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var rune in name.EnumerateRunes())
        {
            if (!(IsAlphanumeric(rune) || rune.Value is '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsKeyword(string name) => Keywords.Contains(name, StringComparer.Ordinal);

    public static bool IsWindowsReserved(string name) => WindowsReserved.Contains(ToAsciiLower(name), StringComparer.Ordinal);

    public static bool IsConflictingArtifactName(string name) => ArtifactDirectories.Contains(name, StringComparer.Ordinal);

    public static bool IsStandardLibraryName(string name) => StandardLibraryNames.Contains(name, StringComparer.Ordinal);

    public static bool IsNonAscii(string name) => name.Any(c => c > '\x7f');

    private static string ToAsciiLower(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsAsciiLetterUpper(c) ? (char)(c + 32) : c);
        }

        return builder.ToString();
    }

    private static bool IsAlphanumeric(Rune rune) => Rune.IsLetter(rune) || Rune.IsNumber(rune)
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.LetterNumber;
}
