using Ferry.Util.Diagnostics;

namespace Ferry.Core.Configuration;

/// <summary><c>term.progress</c>: when to show the progress bar (<c>auto</c>, <c>never</c>, <c>always</c>) and its width.</summary>
public sealed record ProgressConfig(string When, long? Width, bool? TermIntegration)
{
    private static readonly string[] Fields = ["when", "width", "term-integration"];

    public static ProgressConfig Default { get; } = new("auto", null, null);

    internal static ProgressConfig? Read(ConfigReader reader, ConfigKey key)
    {
        if (!reader.HasKeyOrChildren(key))
        {
            return null;
        }

        reader.Struct(key, Fields);
        var config = new ProgressConfig(
            reader.Enum(key.Push("when"), "auto", "never", "always") ?? "auto",
            reader.Integer(key.Push("width"), IntegerKind.Usize),
            reader.Bool(key.Push("term-integration")));
        if (config is { When: "always", Width: null })
        {
            throw new FerryException("\"always\" progress requires a `width` key");
        }

        return config;
    }
}
