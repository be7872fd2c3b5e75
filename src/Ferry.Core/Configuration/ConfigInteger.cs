namespace Ferry.Core.Configuration;

public sealed record ConfigInteger(long Value, Definition Definition) : ConfigValue(Definition)
{
    public override string Description => "integer";
}
