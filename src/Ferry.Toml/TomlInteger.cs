using System.Globalization;
using System.Text;

namespace Ferry.Toml;

/// <summary>A TOML integer (64-bit signed). The source spelling (<c>0xff</c>, <c>1_000</c>) is kept for output.</summary>
public sealed class TomlInteger : TomlValue
{
    private readonly ReadOnlyMemory<char> _raw;

    public TomlInteger(long value)
    {
        Value = value;
        _raw = value.ToString(CultureInfo.InvariantCulture).AsMemory();
    }

    internal TomlInteger(long value, ReadOnlyMemory<char> raw)
    {
        Value = value;
        _raw = raw;
    }

    public override TomlValueKind Kind => TomlValueKind.Integer;

    public long Value { get; }

    /// <summary>The integer as written in the source.</summary>
    public string Raw => _raw.ToString();

    internal override void WriteTo(StringBuilder sb) => sb.Append(_raw.Span);
}
