namespace Ferry.Ops;

/// <summary>Output formats of <c>config get</c>.</summary>
public enum ConfigFormat
{
    Toml,
    Json,
    JsonValue,
}
