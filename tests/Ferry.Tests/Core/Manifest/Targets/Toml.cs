using System.Text;

namespace Ferry.Tests.Core.Manifest.Targets;

/// <summary>Just enough TOML writing for the fixtures: basic strings, string arrays, booleans.</summary>
internal static class Toml
{
    public static string Str(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    public static string Array(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Str)) + "]";

    public static string Bool(bool value) => value ? "true" : "false";
}
