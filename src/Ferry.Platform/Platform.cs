using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Ferry.Platform;

/// <summary>
/// The key of a <c>[target.&lt;key&gt;]</c> table (and of <c>target.&lt;key&gt;</c> in config): either a target
/// name such as <c>x86_64-unknown-linux-gnu</c> or <c>cfg(&lt;expr&gt;)</c>. Mirrors cargo-platform's
/// <c>Platform</c>, including its parse errors and the warnings cargo prints for cfg values that cannot
/// select dependencies.
/// </summary>
public sealed class Platform : IEquatable<Platform>, IComparable<Platform>
{
    private Platform(string? targetName, CfgExpr? cfg)
    {
        TargetName = targetName;
        Cfg = cfg;
    }

    /// <summary>The target name for a named platform; null for <c>cfg(...)</c>.</summary>
    public string? TargetName { get; }

    /// <summary>The expression for <c>cfg(...)</c>; null for a named platform.</summary>
    public CfgExpr? Cfg { get; }

    public static Platform Named(string targetName)
    {
        ArgumentNullException.ThrowIfNull(targetName);
        ValidateTargetName(targetName);
        return new Platform(targetName, null);
    }

    public static Platform OfCfg(CfgExpr expr)
    {
        ArgumentNullException.ThrowIfNull(expr);
        return new Platform(null, expr);
    }

    /// <summary>
    /// Parses a target key. Only text that starts with <c>cfg(</c> and ends with <c>)</c> is an expression;
    /// anything else is a target name, which may contain only Unicode letters and digits, <c>_</c>, <c>-</c>
    /// and <c>.</c> (so <c>cfg(unix</c> is rejected as a name containing <c>(</c>, as cargo does).
    /// </summary>
    public static Platform Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.StartsWith("cfg(", StringComparison.Ordinal) && key.Length >= 5 && key[^1] == ')')
        {
            var inner = key[4..^1];
            return new Platform(null, CfgParser.ParseExpr(inner, key, 4));
        }

        ValidateTargetName(key);
        return new Platform(key, null);
    }

    /// <summary>
    /// Whether this platform applies to the target <paramref name="targetName"/> whose active cfg values
    /// (from <c>rustc --print=cfg --target ...</c>) are <paramref name="cfgs"/>.
    /// </summary>
    public bool Matches(string targetName, IReadOnlyList<Cfg> cfgs)
    {
        ArgumentNullException.ThrowIfNull(targetName);
        ArgumentNullException.ThrowIfNull(cfgs);
        return Cfg is null ? string.Equals(TargetName, targetName, StringComparison.Ordinal) : Cfg.Matches(cfgs);
    }

    /// <summary>
    /// The warnings cargo prints (each after <c>warning: </c>, in this order, duplicates kept) for cfg values
    /// that never hold when selecting dependencies: <c>test</c>, <c>debug_assertions</c>, <c>proc_macro</c>
    /// and <c>feature = "..."</c>. Cargo checks every <c>[target.'cfg(..)']</c> table of a manifest.
    /// </summary>
    public ImmutableArray<string> CheckCfgAttributes()
    {
        var warnings = ImmutableArray.CreateBuilder<string>();
        if (Cfg is not null)
        {
            CheckAttributes(Cfg, warnings);
        }

        return warnings.ToImmutable();
    }

    /// <summary>
    /// Cargo's future-incompatibility warnings for the keywords <c>true</c>/<c>false</c> used as a cfg key
    /// (<c>cfg(true = "x")</c>); <paramref name="manifestPath"/> is printed as cargo prints it (the manifest's
    /// full path, or <c>.cargo/config.toml</c> for config). Each string is multi-line, as cargo prints it.
    /// </summary>
    public ImmutableArray<string> CheckCfgKeywords(string manifestPath)
    {
        ArgumentNullException.ThrowIfNull(manifestPath);
        var warnings = ImmutableArray.CreateBuilder<string>();
        if (Cfg is not null)
        {
            CheckKeywords(Cfg, warnings, manifestPath);
        }

        return warnings.ToImmutable();
    }

    public bool Equals(Platform? other) =>
        other is not null
        && string.Equals(TargetName, other.TargetName, StringComparison.Ordinal)
        && Equals(Cfg, other.Cfg);

    public override bool Equals(object? obj) => obj is Platform other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(TargetName is null ? 0 : StringComparer.Ordinal.GetHashCode(TargetName), Cfg);

    /// <summary>cargo-platform's derived order: named platforms first (by name), then cfg expressions.</summary>
    public int CompareTo(Platform? other)
    {
        if (other is null)
        {
            return 1;
        }

        if (Cfg is null)
        {
            return other.Cfg is null ? Math.Sign(string.CompareOrdinal(TargetName, other.TargetName)) : -1;
        }

        return other.Cfg is null ? 1 : Cfg.CompareTo(other.Cfg);
    }

    public static bool operator ==(Platform? left, Platform? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(Platform? left, Platform? right) => !(left == right);

    /// <summary>The target name, or <c>cfg(&lt;canonical expression&gt;)</c>.</summary>
    public override string ToString() => Cfg is null ? TargetName! : "cfg(" + Cfg + ")";

    private static void ValidateTargetName(string name)
    {
        for (var i = 0; i < name.Length;)
        {
            var status = Rune.DecodeFromUtf16(name.AsSpan(i), out var rune, out var consumed);
            if (status != System.Buffers.OperationStatus.Done || !IsTargetNameChar(rune))
            {
                var paren = name.IndexOf('(', StringComparison.Ordinal);
                var detail = paren >= 0
                    ? "unexpected `(` character, cfg expressions must start with `cfg(`"
                    : $"unexpected character {name.Substring(i, consumed == 0 ? 1 : consumed)} in target name";
                throw new CfgParseException(
                    CfgParser.Format(name, "invalid target specifier: " + detail), name, paren >= 0 ? paren : i, CfgErrorKind.InvalidTarget);
            }

            i += consumed;
        }
    }

    /// <summary>
    /// Rust's <c>char::is_alphanumeric</c> (Alphabetic or Numeric) plus <c>_ - .</c>, approximated with .NET's
    /// Unicode categories: letters, all number categories, and spacing/non-spacing marks are not included
    /// (Rust's Alphabetic adds some marks; target names with those are not seen in practice).
    /// </summary>
    private static bool IsTargetNameChar(Rune rune)
    {
        if (rune.Value is '_' or '-' or '.')
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            _ => false,
        };
    }

    private static void CheckAttributes(CfgExpr expr, ImmutableArray<string>.Builder warnings)
    {
        switch (expr.Kind)
        {
            case CfgExprKind.Not:
            case CfgExprKind.All:
            case CfgExprKind.Any:
                foreach (var e in expr.Operands)
                {
                    CheckAttributes(e, warnings);
                }

                break;
            case CfgExprKind.Value:
                var cfg = expr.Value!;
                if (!cfg.IsKeyPair && cfg.Name is "test" or "debug_assertions" or "proc_macro")
                {
                    warnings.Add(
                        $"Found `{cfg.DisplayName}` in `target.'cfg(...)'.dependencies`. This value is not supported for selecting "
                        + "dependencies and will not work as expected. To learn more visit "
                        + "https://doc.rust-lang.org/cargo/reference/specifying-dependencies.html#platform-specific-dependencies");
                }
                else if (cfg.IsKeyPair && cfg.Name == "feature")
                {
                    warnings.Add(
                        "Found `feature = ...` in `target.'cfg(...)'.dependencies`. This key is not supported for selecting "
                        + "dependencies and will not work as expected. Use the [features] section instead: "
                        + "https://doc.rust-lang.org/cargo/reference/features.html");
                }

                break;
        }
    }

    private static void CheckKeywords(CfgExpr expr, ImmutableArray<string>.Builder warnings, string path)
    {
        switch (expr.Kind)
        {
            case CfgExprKind.Not:
            case CfgExprKind.All:
            case CfgExprKind.Any:
                foreach (var e in expr.Operands)
                {
                    CheckKeywords(e, warnings, path);
                }

                break;
            case CfgExprKind.Value:
                var cfg = expr.Value!;
                // Only `true` and `false`: cargo-platform does not yet reject the edition-dependent keywords.
                if (!cfg.IsRawName && cfg.Name is "true" or "false")
                {
                    warnings.Add(
                        $"[{path}] future-incompatibility: `cfg({cfg})` is deprecated as `{cfg.Name}` is a keyword and not an "
                        + "identifier and should not have have been accepted in this position.\n"
                        + " | this was previously accepted by Cargo but is being phased out; it will become a hard error in a future release!\n"
                        + " |\n"
                        + $" | help: use raw-idents instead: `cfg(r#{cfg.Name})`");
                }

                break;
        }
    }
}
