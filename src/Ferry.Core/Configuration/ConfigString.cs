namespace Ferry.Core.Configuration;

public sealed record ConfigString(string Value, Definition Definition) : ConfigValue(Definition)
{
    public override string Description => "string";
}
