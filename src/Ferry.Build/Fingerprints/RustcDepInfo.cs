using System.Text;
using Ferry.Util.Diagnostics;

namespace Ferry.Build.Fingerprints;

/// <summary>
/// rustc's <c>--emit=dep-info</c> file (Makefile syntax): the first rule's prerequisites are the
/// source files the crate read, and <c># env-dep:NAME=value</c> comments the environment variables it
/// read with <c>env!</c>/<c>option_env!</c> (Cargo's <c>parse_rustc_dep_info</c>).
/// </summary>
public sealed record RustcDepInfo(IReadOnlyList<string> Files, IReadOnlyList<(string Name, string? Value)> Env)
{
    public static RustcDepInfo Parse(string contents)
    {
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var env = new List<(string, string?)>();
        var foundDeps = false;
        foreach (var raw in contents.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("# env-dep:", StringComparison.Ordinal))
            {
                var rest = line["# env-dep:".Length..];
                var eq = rest.IndexOf('=');
                env.Add(eq < 0 ? (Unescape(rest), null) : (Unescape(rest[..eq]), Unescape(rest[(eq + 1)..])));
            }
            else if (!foundDeps && line.IndexOf(": ", StringComparison.Ordinal) is var pos and >= 0 && !line.StartsWith('#'))
            {
                foundDeps = true;
                var words = line[(pos + 2)..].Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                for (var i = 0; i < words.Length; i++)
                {
                    var file = words[i];
                    while (file.EndsWith('\\'))
                    {
                        if (++i >= words.Length)
                        {
                            throw new FerryException("malformed dep-info format, trailing \\");
                        }

                        file = file[..^1] + " " + words[i];
                    }

                    if (seen.Add(file))
                    {
                        files.Add(file);
                    }
                }
            }
        }

        return new RustcDepInfo(files, env);
    }

    /// <summary>rustc escapes <c>\</c>, newlines and carriage returns in env-dep values.</summary>
    private static string Unescape(string text)
    {
        if (!text.Contains('\\'))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
                result.Append(text[i] switch
                {
                    'n' => '\n',
                    'r' => '\r',
                    _ => text[i],
                });
            }
            else
            {
                result.Append(text[i]);
            }
        }

        return result.ToString();
    }
}
