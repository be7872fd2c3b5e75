using System.Collections.Immutable;
using System.Text;

namespace Ferry.Core.Configuration;

/// <summary>
/// A dotted configuration key (Cargo's <c>ConfigKey</c>) together with the environment variable
/// that can also set it: <c>build.target-dir</c> ↔ <c>CARGO_BUILD_TARGET_DIR</c>,
/// <c>registries.my-reg.token</c> ↔ <c>CARGO_REGISTRIES_MY_REG_TOKEN</c>. Immutable: <see cref="Push"/>
/// returns a longer key.
/// </summary>
public sealed class ConfigKey : IEquatable<ConfigKey>
{
    private ConfigKey(ImmutableArray<string> parts, string envKey)
    {
        Parts = parts;
        EnvKey = envKey;
    }

    public static ConfigKey Root { get; } = new([], "CARGO");

    public ImmutableArray<string> Parts { get; }

    /// <summary>The environment variable for this key: <c>CARGO</c> plus <c>_PART</c> per part, upper-cased, dashes as underscores.</summary>
    public string EnvKey { get; }

    public bool IsRoot => Parts.IsEmpty;

    /// <summary>
    /// Splits on every dot, as Cargo does (no TOML quoting: a key part containing a dot, like a
    /// <c>cfg(...)</c> target, can only be reached by reading the table above it).
    /// </summary>
    public static ConfigKey Parse(string dotted)
    {
        var key = Root;
        foreach (var part in dotted.Split('.'))
        {
            key = key.Push(part);
        }

        return key;
    }

    public ConfigKey Push(string part) =>
        new(Parts.Add(part), EnvKey + "_" + part.Replace('-', '_').ToUpperInvariant());

    /// <summary>Pushes a part whose spelling is kept as-is in the variable name (Cargo's <c>push_sensitive</c>).</summary>
    public ConfigKey PushSensitive(string part) => new(Parts.Add(part), EnvKey + "_" + part);

    /// <summary>The key made of the first <paramref name="count"/> parts.</summary>
    public ConfigKey Take(int count)
    {
        var key = Root;
        for (var i = 0; i < count && i < Parts.Length; i++)
        {
            key = key.Push(Parts[i]);
        }

        return key;
    }

    /// <summary>Whether the key matches a pattern like <c>target.*.runner</c> (<c>*</c> matches one part).</summary>
    public bool Matches(string pattern)
    {
        var patternParts = pattern.Split('.');
        if (patternParts.Length != Parts.Length)
        {
            return false;
        }

        for (var i = 0; i < patternParts.Length; i++)
        {
            if (patternParts[i] != "*" && patternParts[i] != Parts[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The key as Cargo prints it: parts joined by dots, odd parts quoted as TOML strings.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        for (var i = 0; i < Parts.Length; i++)
        {
            if (i > 0)
            {
                text.Append('.');
            }

            text.Append(EscapePart(Parts[i]));
        }

        return text.ToString();
    }

    /// <summary>
    /// Cargo's <c>escape_key_part</c>: bare when made of <c>A-Za-z0-9-_</c> (the empty part too),
    /// otherwise written as a TOML string value.
    /// </summary>
    public static string EscapePart(string part)
    {
        foreach (var c in part)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
            {
                return TomlText.String(part);
            }
        }

        return part;
    }

    public bool Equals(ConfigKey? other) => other is not null && Parts.SequenceEqual(other.Parts);

    public override bool Equals(object? obj) => Equals(obj as ConfigKey);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var part in Parts)
        {
            hash.Add(part);
        }

        return hash.ToHashCode();
    }
}
