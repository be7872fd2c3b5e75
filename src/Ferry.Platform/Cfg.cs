using System.Diagnostics.CodeAnalysis;

namespace Ferry.Platform;

/// <summary>
/// One cfg value: a name (<c>unix</c>, <c>debug_assertions</c>) or a key/value pair
/// (<c>target_os = "linux"</c>), as produced by <c>rustc --print=cfg</c> or written inside <c>cfg(...)</c>.
/// A raw identifier (<c>r#foo</c>) keeps its <c>r#</c> for display only: like cargo-platform's <c>Ident</c>,
/// equality and hashing ignore it, so <c>cfg(r#foo)</c> matches a target that has <c>foo</c>.
/// </summary>
public sealed class Cfg : IEquatable<Cfg>, IComparable<Cfg>
{
    private Cfg(string name, bool isRawName, string? value)
    {
        Name = name;
        IsRawName = isRawName;
        Value = value;
    }

    /// <summary>The identifier without any <c>r#</c> prefix.</summary>
    public string Name { get; }

    /// <summary>Whether the identifier was written as a raw identifier (<c>r#name</c>).</summary>
    public bool IsRawName { get; }

    /// <summary>The string of a key/value pair, without quotes; null for a bare name.</summary>
    public string? Value { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsKeyPair => Value is not null;

    /// <summary>A bare name such as <c>unix</c>.</summary>
    public static Cfg OfName(string name, bool raw = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new Cfg(name, raw, null);
    }

    /// <summary>A pair such as <c>target_os = "linux"</c>.</summary>
    public static Cfg OfKeyPair(string key, string value, bool raw = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        return new Cfg(key, raw, value);
    }

    /// <summary>Parses one cfg value (cargo-platform's <c>Cfg::from_str</c>), e.g. a line of <c>rustc --print=cfg</c>.</summary>
    public static Cfg Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CfgParser.ParseCfg(text, text, 0);
    }

    public bool Equals(Cfg? other) =>
        other is not null
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Cfg other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Name), Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value));

    /// <summary>cargo-platform's derived order: names before pairs, then identifier, raw flag and value.</summary>
    public int CompareTo(Cfg? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = IsKeyPair.CompareTo(other.IsKeyPair);
        if (c == 0)
        {
            c = string.CompareOrdinal(Name, other.Name);
        }

        if (c == 0)
        {
            c = IsRawName.CompareTo(other.IsRawName);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(Value, other.Value);
        }

        return Math.Sign(c);
    }

    public static bool operator ==(Cfg? left, Cfg? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(Cfg? left, Cfg? right) => !(left == right);

    /// <summary><c>unix</c>, <c>r#foo</c> or <c>target_os = "linux"</c> (strings have no escapes, so this round-trips).</summary>
    public override string ToString()
    {
        var ident = IsRawName ? "r#" + Name : Name;
        return Value is null ? ident : ident + " = \"" + Value + "\"";
    }

    /// <summary>The identifier as displayed (with <c>r#</c> when raw).</summary>
    internal string DisplayName => IsRawName ? "r#" + Name : Name;
}
