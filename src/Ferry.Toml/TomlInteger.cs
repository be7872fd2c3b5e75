using System.Globalization;
using System.Diagnostics;
using System.Text;
using Ferry.Toml.Formatting;

namespace Ferry.Toml;

/// <summary>A TOML integer (64-bit signed). The source spelling (<c>0xff</c>, <c>1_000</c>) is kept for output.</summary>
public sealed class TomlInteger : TomlValue
{
    public TomlInteger(long value)
    {
        Value = value;
        Node.SetOwn(value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A parsed value (no spelling of its own: the parser points it at the source text).</summary>
    internal TomlInteger(long value, bool parsed)
    {
        Value = value;
        Debug.Assert(parsed, "only the parser uses this constructor");
    }

    public override TomlValueKind Kind => TomlValueKind.Integer;

    public long Value { get; }

    /// <summary>The integer as written in the source.</summary>
    public string Raw => Node.Raw.ToString();

    public override TomlInteger Clone() => new(Value, parsed: true) { Node = Node.CloneDetached() };

    internal override void WriteTo(TomlTextBuilder sb) => sb.Append(Node.Raw);
}
