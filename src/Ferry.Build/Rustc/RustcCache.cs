using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ferry.Util.IO;

namespace Ferry.Build.Rustc;

/// <summary>
/// Remembers what rustc printed for tool queries (<c>-vV</c>, <c>--print=cfg</c>, file names), keyed by
/// the command, so a no-op build starts no compiler at all (Cargo's <c>.rustc_info.json</c>). The
/// whole cache is dropped when the compiler's fingerprint (paths, sizes and mtimes of the binaries
/// and of what selects a rustup toolchain) changes. Stored next to Cargo's file, in Ferry's own format.
/// </summary>
internal sealed class RustcCache
{
    private readonly string? _path;
    private readonly string _fingerprint;
    private readonly Dictionary<string, (int Code, string Stdout, string Stderr)> _outputs = new(StringComparer.Ordinal);
    private bool _dirty;

    public RustcCache(string? path, string fingerprint)
    {
        _path = path;
        _fingerprint = fingerprint;
        if (path is null || !File.Exists(path))
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(UnlockedFile.ReadAllBytes(path));
            var root = document.RootElement;
            if (root.GetProperty("fingerprint").GetString() != fingerprint)
            {
                return;
            }

            foreach (var entry in root.GetProperty("outputs").EnumerateObject())
            {
                _outputs[entry.Name] = (
                    entry.Value.GetProperty("code").GetInt32(),
                    entry.Value.GetProperty("stdout").GetString() ?? string.Empty,
                    entry.Value.GetProperty("stderr").GetString() ?? string.Empty);
            }
        }
        catch (Exception e) when (e is JsonException or IOException or KeyNotFoundException or InvalidOperationException)
        {
            _outputs.Clear();
        }
    }

    public static string Key(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];

    public bool TryGet(string key, out (int Code, string Stdout, string Stderr) output) => _outputs.TryGetValue(key, out output);

    public void Put(string key, (int Code, string Stdout, string Stderr) output)
    {
        _outputs[key] = output;
        _dirty = true;
    }

    public void Save()
    {
        if (!_dirty || _path is null)
        {
            return;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("fingerprint", _fingerprint);
            writer.WriteStartObject("outputs");
            foreach (var (key, (code, stdout, stderr)) in _outputs.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteStartObject(key);
                writer.WriteNumber("code", code);
                writer.WriteString("stdout", stdout);
                writer.WriteString("stderr", stderr);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        try
        {
            AtomicFile.WriteAllBytes(_path, buffer.ToArray());
            _dirty = false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs time.
        }
    }
}
