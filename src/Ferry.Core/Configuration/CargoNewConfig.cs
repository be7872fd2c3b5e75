namespace Ferry.Core.Configuration;

/// <summary>The <c>[cargo-new]</c> table.</summary>
public sealed record CargoNewConfig(string? Vcs)
{
    internal static CargoNewConfig Read(ConfigReader reader)
    {
        var key = ConfigKey.Parse("cargo-new");
        reader.Struct(key, ["vcs", "name", "email"]);
        return new CargoNewConfig(reader.String(key.Push("vcs")));
    }
}
