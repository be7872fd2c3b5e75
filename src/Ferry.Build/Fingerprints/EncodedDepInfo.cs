using System.Text;

namespace Ferry.Build.Fingerprints;

/// <summary>
/// The dep-info a unit keeps in its fingerprint directory (Cargo's <c>EncodedDepInfo</c>, in Ferry's
/// own line format): source files relative to the package root (<c>P</c>) or the build directory
/// (<c>B</c>) or absolute, and the environment variables rustc read. Relative paths keep a moved
/// checkout fresh. The file's mtime is the reference the sources are compared with.
/// </summary>
public sealed record EncodedDepInfo(IReadOnlyList<(char Base, string Path)> Files, IReadOnlyList<(string Name, string? Value)> Env)
{
    private const string Magic = "ferry-dep-info 1";

    public string Serialize()
    {
        var text = new StringBuilder(Magic).Append('\n');
        foreach (var (kind, path) in Files)
        {
            text.Append(kind).Append('\t').Append(Escape(path)).Append('\n');
        }

        foreach (var (name, value) in Env)
        {
            text.Append('E').Append('\t').Append(Escape(name));
            if (value is not null)
            {
                text.Append('\t').Append(Escape(value));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    public static EncodedDepInfo? Parse(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length == 0 || lines[0] != Magic)
        {
            return null;
        }

        var files = new List<(char, string)>();
        var env = new List<(string, string?)>();
        foreach (var line in lines.Skip(1))
        {
            if (line.Length < 2 || line[1] != '\t')
            {
                continue;
            }

            var rest = line[2..];
            if (line[0] == 'E')
            {
                var tab = rest.IndexOf('\t');
                env.Add(tab < 0 ? (Unescape(rest), null) : (Unescape(rest[..tab]), Unescape(rest[(tab + 1)..])));
            }
            else
            {
                files.Add((line[0], Unescape(rest)));
            }
        }

        return new EncodedDepInfo(files, env);
    }

    /// <summary>Absolute path of a recorded file.</summary>
    public static string Resolve((char Base, string Path) file, string packageRoot, string buildRoot) => file.Base switch
    {
        'P' => Path.Combine(packageRoot, file.Path),
        'B' => Path.Combine(buildRoot, file.Path),
        _ => file.Path,
    };

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t");

    private static string Unescape(string value)
    {
        if (!value.Contains('\\'))
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                i++;
                text.Append(value[i] switch { 'n' => '\n', 'r' => '\r', 't' => '\t', _ => value[i] });
            }
            else
            {
                text.Append(value[i]);
            }
        }

        return text.ToString();
    }
}
