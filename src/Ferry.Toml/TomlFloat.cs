using System.Diagnostics;
using System.Text;
using Ferry.Toml.Formatting;

namespace Ferry.Toml;

/// <summary>A TOML float (double), including <c>inf</c>, <c>nan</c> and <c>-0.0</c>; the source spelling is kept.</summary>
public sealed class TomlFloat : TomlValue
{
    public TomlFloat(double value)
    {
        Value = value;
        Node.SetOwn(TomlFormatter.FormatFloat(value));
    }

    /// <summary>A parsed value (no spelling of its own: the parser points it at the source text).</summary>
    internal TomlFloat(double value, bool parsed)
    {
        Value = value;
        Debug.Assert(parsed, "only the parser uses this constructor");
    }

    public override TomlValueKind Kind => TomlValueKind.Float;

    public double Value { get; }

    /// <summary>The float as written in the source.</summary>
    public string Raw => Node.Raw.ToString();

    public override TomlFloat Clone() => new(Value, parsed: true) { Node = Node.CloneDetached() };

    internal override void WriteTo(TomlTextBuilder sb) => sb.Append(Node.Raw);
}
