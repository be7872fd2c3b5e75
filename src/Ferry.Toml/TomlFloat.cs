using System.Text;
using Ferry.Toml.Formatting;

namespace Ferry.Toml;

/// <summary>A TOML float (double), including <c>inf</c>, <c>nan</c> and <c>-0.0</c>; the source spelling is kept.</summary>
public sealed class TomlFloat : TomlValue
{
    private readonly ReadOnlyMemory<char> _raw;

    public TomlFloat(double value)
    {
        Value = value;
        _raw = TomlFormatter.FormatFloat(value).AsMemory();
    }

    internal TomlFloat(double value, ReadOnlyMemory<char> raw)
    {
        Value = value;
        _raw = raw;
    }

    public override TomlValueKind Kind => TomlValueKind.Float;

    public double Value { get; }

    /// <summary>The float as written in the source.</summary>
    public string Raw => _raw.ToString();

    internal override void WriteTo(StringBuilder sb) => sb.Append(_raw.Span);
}
