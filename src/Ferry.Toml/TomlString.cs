using System.Text;
using Ferry.Toml.Formatting;

namespace Ferry.Toml;

/// <summary>A TOML string. <see cref="Value"/> is decoded; the original spelling (quotes, escapes) is kept for output.</summary>
public sealed class TomlString : TomlValue
{
    private readonly ReadOnlyMemory<char> _raw;

    /// <summary>A new string value, written as a basic string with the escapes TOML requires.</summary>
    public TomlString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
        Style = TomlStringStyle.Basic;
        _raw = TomlFormatter.QuoteBasic(value).AsMemory();
    }

    internal TomlString(string value, ReadOnlyMemory<char> raw, TomlStringStyle style)
    {
        Value = value;
        _raw = raw;
        Style = style;
    }

    public override TomlValueKind Kind => TomlValueKind.String;

    public string Value { get; }

    public TomlStringStyle Style { get; }

    /// <summary>The string as written in the source, quotes included.</summary>
    public string Raw => _raw.ToString();

    internal override void WriteTo(StringBuilder sb) => sb.Append(_raw.Span);
}
