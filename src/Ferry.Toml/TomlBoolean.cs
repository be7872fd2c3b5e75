using System.Text;
using Ferry.Toml.Formatting;

namespace Ferry.Toml;

public sealed class TomlBoolean : TomlValue
{
    public TomlBoolean(bool value)
    {
        Value = value;
    }

    public override TomlValueKind Kind => TomlValueKind.Boolean;

    public bool Value { get; }

    public override TomlBoolean Clone() => new(Value) { Node = Node.CloneDetached() };

    internal override void WriteTo(TomlTextBuilder sb) => sb.Append(Value ? "true" : "false");
}
