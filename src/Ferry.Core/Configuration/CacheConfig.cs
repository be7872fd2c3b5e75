namespace Ferry.Core.Configuration;

/// <summary>The <c>[cache]</c> table (global cache garbage collection).</summary>
public sealed record CacheConfig(string? AutoCleanFrequency)
{
    internal static CacheConfig Read(ConfigReader reader)
    {
        var key = ConfigKey.Parse("cache");
        reader.Struct(key, ["auto-clean-frequency"]);
        return new CacheConfig(reader.String(key.Push("auto-clean-frequency")));
    }
}
