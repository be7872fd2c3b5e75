namespace Ferry.Core.Configuration;

public sealed record ConfigBoolean(bool Value, Definition Definition) : ConfigValue(Definition)
{
    public override string Description => "boolean";
}
