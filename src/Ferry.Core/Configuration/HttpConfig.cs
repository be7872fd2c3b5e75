using Ferry.Util.Diagnostics;

namespace Ferry.Core.Configuration;

/// <summary>The <c>[http]</c> table (Cargo's <c>CargoHttpConfig</c>).</summary>
public sealed record HttpConfig
{
    private static readonly string[] Fields =
    [
        "proxy", "low-speed-limit", "timeout", "cainfo", "proxy-cainfo", "check-revoke", "user-agent", "debug",
        "multiplexing", "ssl-version",
    ];

    public string? Proxy { get; init; }

    /// <summary>Bytes per second below which a transfer counts as stalled; Cargo's default is 10.</summary>
    public long? LowSpeedLimit { get; init; }

    /// <summary>Seconds; Cargo's default is 30.</summary>
    public long? Timeout { get; init; }

    public ConfigRelativePath? Cainfo { get; init; }

    public ConfigRelativePath? ProxyCainfo { get; init; }

    public bool? CheckRevoke { get; init; }

    public string? UserAgent { get; init; }

    public bool? Debug { get; init; }

    public bool? Multiplexing { get; init; }

    public SslVersionConfig? SslVersion { get; init; }

    internal static HttpConfig Read(ConfigReader reader)
    {
        var key = ConfigKey.Parse("http");
        reader.Struct(key, Fields);
        return new HttpConfig
        {
            Proxy = reader.String(key.Push("proxy")),
            LowSpeedLimit = reader.Integer(key.Push("low-speed-limit"), IntegerKind.U32),
            Timeout = reader.Integer(key.Push("timeout"), IntegerKind.U64),
            Cainfo = reader.RelativePath(key.Push("cainfo")),
            ProxyCainfo = reader.RelativePath(key.Push("proxy-cainfo")),
            CheckRevoke = reader.Bool(key.Push("check-revoke")),
            UserAgent = reader.String(key.Push("user-agent")),
            Debug = reader.Bool(key.Push("debug")),
            Multiplexing = reader.Bool(key.Push("multiplexing")),
            SslVersion = ReadSslVersion(reader, key.Push("ssl-version")),
        };
    }

    private static SslVersionConfig? ReadSslVersion(ConfigReader reader, ConfigKey key)
    {
        switch (reader.Untagged(key, "a string or map", typeof(ConfigString), typeof(ConfigTable)))
        {
            case ConfigString s:
                return new SslVersionConfig(s.Value, null, null);
            case ConfigTable table:
                try
                {
                    reader.Struct(key, ["min", "max"]);
                    return new SslVersionConfig(null, reader.String(key.Push("min")), reader.String(key.Push("max")));
                }
                catch (FerryException error)
                {
                    throw ConfigException.KeyContext(key, table.Definition, error);
                }

            default:
                return null;
        }
    }
}
