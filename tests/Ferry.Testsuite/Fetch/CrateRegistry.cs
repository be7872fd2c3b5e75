using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ferry.Core.Archive;
using Ferry.Core.Registry;
using Ferry.Tests.Sources.Support;

namespace Ferry.Testsuite.Fetch;

/// <summary>
/// A registry of real <c>.crate</c> archives for fetch tests: <c>ROOT/index/...</c> with the
/// checksum of each archive (or a deliberately wrong one), <c>ROOT/NAME-VERSION.crate</c>, served
/// over <see cref="TestHttpServer"/> on 127.0.0.1 with <c>dl = BASE/dl</c>. A fault hook may answer
/// any request first, which is how the hostile servers are made (wrong bytes, 500s, truncation,
/// slow bodies). The same directory works as a <c>local-registry</c>.
/// </summary>
internal sealed class CrateRegistry : IDisposable
{
    private readonly ConcurrentDictionary<string, byte[]> _crates = new(StringComparer.Ordinal);

    public CrateRegistry()
    {
        Root = Path.Combine(Path.GetTempPath(), "ferry-crates-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(Root, "index"));
    }

    public string Root { get; }

    /// <summary>Requests to <c>/dl/</c> seen by the server, in order.</summary>
    public ConcurrentQueue<string> Downloads { get; } = new();

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>A library crate: <c>Cargo.toml</c>, <c>src/lib.rs</c> and any extra files, as <c>cargo package</c> would archive it.</summary>
    public static byte[] Library(string name, string version, IReadOnlyDictionary<string, string>? extraFiles = null, params (string Name, string Req)[] deps)
    {
        var manifest = new StringBuilder($"[package]\nname = \"{name}\"\nversion = \"{version}\"\nedition = \"2021\"\n");
        if (deps.Length > 0)
        {
            manifest.Append("\n[dependencies]\n");
            foreach (var (dep, req) in deps)
            {
                manifest.Append(dep).Append(" = \"").Append(req).Append("\"\n");
            }
        }

        var files = new List<CrateArchiveFile>
        {
            CrateArchiveFile.FromBytes("Cargo.toml", Encoding.UTF8.GetBytes(manifest.ToString())),
            CrateArchiveFile.FromBytes("src/lib.rs", Encoding.UTF8.GetBytes($"pub fn {name.Replace('-', '_')}() -> &'static str {{ \"{name} {version}\" }}\n")),
        };
        foreach (var (path, contents) in extraFiles ?? new Dictionary<string, string>())
        {
            files.Add(CrateArchiveFile.FromBytes(path, Encoding.UTF8.GetBytes(contents)));
        }

        using var output = new MemoryStream();
        CrateArchiveWriter.WriteAsync(output, $"{name}-{version}", files).GetAwaiter().GetResult();
        return output.ToArray();
    }

    /// <summary>Publishes a library crate (built by <see cref="Library"/>).</summary>
    public CrateRegistry Publish(string name, string version, params (string Name, string Req)[] deps) =>
        Publish(name, version, Library(name, version, null, deps), null, deps);

    /// <summary>
    /// Publishes <paramref name="crate"/> as NAME VERSION; the index records
    /// <paramref name="indexChecksum"/> when given, else the archive's real SHA-256.
    /// </summary>
    public CrateRegistry Publish(string name, string version, byte[] crate, string? indexChecksum, params (string Name, string Req)[] deps)
    {
        _crates[$"{name}/{version}"] = crate;
        File.WriteAllBytes(Path.Combine(Root, $"{name}-{version}.crate"), crate);
        var path = Path.Combine(Root, "index", IndexPath.For(name.ToLowerInvariant()));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.AppendAllText(path, Line(name, version, indexChecksum ?? Sha256(crate), deps) + "\n");
        return this;
    }

    /// <summary>The archive as published.</summary>
    public byte[] Crate(string name, string version) => _crates[$"{name}/{version}"];

    /// <summary>
    /// Serves the registry; <paramref name="fault"/> may answer a request first (return null to
    /// serve normally). Crate downloads are <c>GET /dl/NAME/VERSION/download</c>.
    /// </summary>
    public TestHttpServer Serve(Func<TestRequest, TestResponse?>? fault = null)
    {
        TestHttpServer? server = null;
        server = new TestHttpServer(request => fault?.Invoke(request) ?? Answer(request, server!.BaseUrl));
        return server;
    }

    /// <summary>A Cargo home <c>config.toml</c> replacing crates.io with this registry served at <paramref name="baseUrl"/>.</summary>
    public static string SparseConfig(string baseUrl) =>
        $"[source.crates-io]\nreplace-with = \"test\"\n\n[source.test]\nregistry = \"sparse+{baseUrl}/index/\"\n";

    /// <summary>The same, reading this directory as a <c>local-registry</c>.</summary>
    public string LocalConfig() =>
        $"[source.crates-io]\nreplace-with = \"local\"\n\n[source.local]\nlocal-registry = \"{Root}\"\n";

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string Line(string name, string version, string checksum, (string Name, string Req)[] deps)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("vers", version);
            json.WriteStartArray("deps");
            foreach (var (dep, req) in deps)
            {
                json.WriteStartObject();
                json.WriteString("name", dep);
                json.WriteString("req", req);
                json.WriteStartArray("features");
                json.WriteEndArray();
                json.WriteBoolean("optional", false);
                json.WriteBoolean("default_features", true);
                json.WriteNull("target");
                json.WriteString("kind", "normal");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("cksum", checksum);
            json.WriteStartObject("features");
            json.WriteEndObject();
            json.WriteBoolean("yanked", false);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private TestResponse Answer(TestRequest request, string baseUrl)
    {
        var path = Uri.UnescapeDataString(request.Path.Split('?')[0]);
        if (path == "/index/config.json")
        {
            return TestResponse.Text(200, $"{{\"dl\":\"{baseUrl}/dl\",\"api\":\"{baseUrl}\"}}");
        }

        if (path.StartsWith("/index/", StringComparison.Ordinal) && !path.Contains("..", StringComparison.Ordinal))
        {
            var file = Path.Combine(Root, "index", path["/index/".Length..]);
            return File.Exists(file) ? TestResponse.Bytes(200, File.ReadAllBytes(file)) : TestResponse.NotFound();
        }

        var parts = path.Split('/');
        if (parts is ["", "dl", var name, var version, "download"])
        {
            Downloads.Enqueue($"{name} {version}");
            return _crates.TryGetValue($"{name}/{version}", out var crate) ? TestResponse.Bytes(200, crate) : TestResponse.NotFound();
        }

        return TestResponse.NotFound();
    }
}
