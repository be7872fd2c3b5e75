using System.Text;

namespace Ferry.Toml;

public sealed class TomlBoolean : TomlValue
{
    public TomlBoolean(bool value)
    {
        Value = value;
    }

    public override TomlValueKind Kind => TomlValueKind.Boolean;

    public bool Value { get; }

    internal override void WriteTo(StringBuilder sb) => sb.Append(Value ? "true" : "false");
}
