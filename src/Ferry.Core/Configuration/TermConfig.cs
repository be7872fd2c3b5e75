namespace Ferry.Core.Configuration;

/// <summary>The <c>[term]</c> table: verbosity, colour and progress defaults the command line can override.</summary>
public sealed record TermConfig
{
    private static readonly string[] Fields = ["verbose", "quiet", "color", "hyperlinks", "unicode", "progress"];

    public bool? Verbose { get; init; }

    public bool? Quiet { get; init; }

    /// <summary>The string as written; the CLI validates it like <c>--color</c>.</summary>
    public string? Color { get; init; }

    public bool? Hyperlinks { get; init; }

    public bool? Unicode { get; init; }

    public ProgressConfig? Progress { get; init; }

    internal static TermConfig Read(ConfigReader reader)
    {
        var key = ConfigKey.Parse("term");
        reader.Struct(key, Fields);
        return new TermConfig
        {
            Verbose = reader.Bool(key.Push("verbose")),
            Quiet = reader.Bool(key.Push("quiet")),
            Color = reader.String(key.Push("color")),
            Hyperlinks = reader.Bool(key.Push("hyperlinks")),
            Unicode = reader.Bool(key.Push("unicode")),
            Progress = ProgressConfig.Read(reader, key.Push("progress")),
        };
    }
}
