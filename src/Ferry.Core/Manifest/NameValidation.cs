using System.Globalization;
using System.Text;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Manifest;

/// <summary>
/// Cargo's name rules (cargo-util-schemas' <c>restricted_names</c>) for package, registry, feature,
/// profile and path-base names, with its error texts. Unicode identifier classes are approximated with
/// .NET's general categories (XID_Start: letters and letter numbers; XID_Continue adds marks, decimal
/// digits and connector punctuation), which agree with Unicode's derived properties for every name
/// seen in practice.
/// </summary>
public static class NameValidation
{
    /// <summary>Returns the error message, or null when <paramref name="name"/> is a valid package name.</summary>
    public static string? PackageNameError(string name)
    {
        foreach (var part in name.Split("::"))
        {
            if (NameError(part, "package name") is { } error)
            {
                return error;
            }
        }

        return null;
    }

    public static string? RegistryNameError(string name) => NameError(name, "registry name");

    public static string? PathBaseNameError(string name) => NameError(name, "path base name");

    public static void ValidatePackageName(string name)
    {
        if (PackageNameError(name) is { } error)
        {
            throw new FerryException(error);
        }
    }

    /// <summary>The generic identifier rule: XID start (or <c>_</c>, not a digit), then XID continue or <c>-</c>.</summary>
    public static string? NameError(string name, string what)
    {
        if (name.Length == 0)
        {
            return $"{what} cannot be empty";
        }

        var first = true;
        foreach (var rune in name.EnumerateRunes())
        {
            if (first)
            {
                first = false;
                if (rune.Value is >= '0' and <= '9')
                {
                    return Invalid(rune, what, name, "the name cannot start with a digit");
                }

                if (!(IsXidStart(rune) || rune.Value == '_'))
                {
                    return Invalid(rune, what, name, "the first character must be a Unicode XID start character (most letters or `_`)");
                }

                continue;
            }

            if (!(IsXidContinue(rune) || rune.Value == '-'))
            {
                return Invalid(rune, what, name, "characters must be Unicode XID characters (numbers, `-`, `_`, or most letters)");
            }
        }

        return null;
    }

    public static string? FeatureNameError(string name)
    {
        const string what = "feature name";
        if (name.Length == 0)
        {
            return $"{what} cannot be empty";
        }

        if (name.StartsWith("dep:", StringComparison.Ordinal))
        {
            return $"feature named `{name}` is not allowed to start with `dep:`";
        }

        if (name.Contains('/', StringComparison.Ordinal))
        {
            return Invalid(new Rune('/'), what, name, "feature name is not allowed to contain slashes");
        }

        var first = true;
        foreach (var rune in name.EnumerateRunes())
        {
            if (first)
            {
                first = false;
                if (!(IsXidStart(rune) || rune.Value == '_' || rune.Value is >= '0' and <= '9'))
                {
                    return Invalid(rune, what, name, "the first character must be a Unicode XID start character or digit (most letters or `_` or `0` to `9`)");
                }

                continue;
            }

            if (!(IsXidContinue(rune) || rune.Value is '-' or '+' or '.'))
            {
                return Invalid(rune, what, name, "characters must be Unicode XID characters, '-', `+`, or `.` (numbers, `+`, `-`, `_`, `.`, or most letters)");
            }
        }

        return null;
    }

    /// <summary>RFC 2678's profile names, and the names Cargo reserves.</summary>
    public static string? ProfileNameError(string name)
    {
        foreach (var rune in name.EnumerateRunes())
        {
            if (!(Rune.IsLetterOrDigit(rune) || IsNumeric(rune) || rune.Value is '_' or '-'))
            {
                return Invalid(rune, "profile name", name, "allowed characters are letters, numbers, underscore, and hyphen");
            }
        }

        var lower = name.ToLowerInvariant();
        if (lower == "build-override")
        {
            return Reserved(name, "To configure build dependency settings, use [profile.dev.build-override] and [profile.release.build-override]");
        }

        if (lower is "build" or "check" or "clean" or "config" or "fetch" or "fix" or "install" or "metadata" or "package"
            or "publish" or "report" or "root" or "run" or "rust" or "rustc" or "rustdoc" or "target" or "tmp" or "uninstall"
            || lower.StartsWith("cargo", StringComparison.Ordinal))
        {
            return Reserved(name, "Please choose a different name.");
        }

        return null;
    }

    public static bool IsXidStart(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber => true,
        _ => false,
    };

    public static bool IsXidContinue(Rune rune) => IsXidStart(rune) || Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.ConnectorPunctuation => true,
        // Other_ID_Continue and the joiners: XID_Continue without a letter category (`a·b` is a valid name for Cargo).
        _ => rune.Value is 0xB7 or 0x387 or (>= 0x1369 and <= 0x1371) or 0x19DA or 0x200C or 0x200D or 0x30FB or 0xFF65,
    };

    private static bool IsNumeric(Rune rune) => Rune.GetUnicodeCategory(rune) is UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;

    private static string Invalid(Rune rune, string what, string name, string reason) =>
        $"invalid character `{rune}` in {what}: `{name}`, {reason}";

    private static string Reserved(string name, string help) =>
        $"profile name `{name}` is reserved\n{help}\nSee https://doc.rust-lang.org/cargo/reference/profiles.html for more on configuring profiles.";
}
