namespace Ferry.Core.Configuration;

/// <summary>The <c>[future-incompat-report]</c> table.</summary>
public sealed record FutureIncompatConfig(string? Frequency)
{
    /// <summary>Whether to print the future-incompatibility notice (<c>frequency</c> defaults to <c>always</c>).</summary>
    public bool ShouldDisplayMessage => Frequency != "never";

    internal static FutureIncompatConfig Read(ConfigReader reader)
    {
        var key = ConfigKey.Parse("future-incompat-report");
        reader.Struct(key, ["frequency"]);
        return new FutureIncompatConfig(reader.Enum(key.Push("frequency"), "always", "never"));
    }
}
