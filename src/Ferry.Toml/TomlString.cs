using System.Text;
using Ferry.Toml.Formatting;

namespace Ferry.Toml;

/// <summary>A TOML string. <see cref="Value"/> is decoded; the original spelling (quotes, escapes) is kept for output.</summary>
public sealed class TomlString : TomlValue
{
    private string? _value;

    /// <summary>A new string value, written as a basic string with the escapes TOML requires.</summary>
    public TomlString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
        Style = TomlStringStyle.Basic;
        Node.SetOwn(TomlFormatter.QuoteBasic(value));
    }

    /// <param name="value">The decoded value, or null when it is the raw text minus its quotes (decoded on first use:
    /// most strings of a lockfile are never read, so parsing does not copy them).</param>
    /// <param name="style">How the parsed string is quoted; the parser then sets its source span.</param>
    internal TomlString(string? value, TomlStringStyle style)
    {
        _value = value;
        Style = style;
    }

    public override TomlValueKind Kind => TomlValueKind.String;

    public string Value => _value ??= Node.Raw[1..^1].ToString();

    public TomlStringStyle Style { get; }

    /// <summary>The string as written in the source, quotes included.</summary>
    public string Raw => Node.Raw.ToString();

    public override TomlString Clone() => new(_value, Style) { Node = Node.CloneDetached() };

    internal override void WriteTo(TomlTextBuilder sb) => sb.Append(Node.Raw);
}
