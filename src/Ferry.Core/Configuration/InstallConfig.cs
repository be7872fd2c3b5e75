namespace Ferry.Core.Configuration;

/// <summary>The <c>[install]</c> table: where <c>install</c> puts binaries (default: Cargo home).</summary>
public sealed record InstallConfig(ConfigRelativePath? Root)
{
    internal static InstallConfig Read(ConfigReader reader)
    {
        var key = ConfigKey.Parse("install");
        reader.Struct(key, ["root"]);
        return new InstallConfig(reader.RelativePath(key.Push("root")));
    }
}
