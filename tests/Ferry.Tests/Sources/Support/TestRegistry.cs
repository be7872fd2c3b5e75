using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ferry.Core.Registry;

namespace Ferry.Tests.Sources.Support;

/// <summary>
/// A registry laid out on disk the way both a sparse server and a <c>local-registry</c> read it:
/// <c>ROOT/index/PATH</c> files of JSON lines and <c>ROOT/NAME-VERSION.crate</c> archives. It can
/// be served over <see cref="TestHttpServer"/> with ETag or Last-Modified validators (answering
/// conditional requests with 304), optionally requiring a token.
/// </summary>
internal sealed class TestRegistry : IDisposable
{
    public TestRegistry()
    {
        Root = Path.Combine(Path.GetTempPath(), "ferry-registry-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(Root, "index"));
    }

    public string Root { get; }

    public string IndexRoot => Path.Combine(Root, "index");

    /// <summary>When set, the server answers 401 to requests without <c>Authorization: TOKEN</c> and says auth-required.</summary>
    public string? RequiredToken { get; set; }

    /// <summary>Validators the server sends: an ETag (default), a Last-Modified date, or neither.</summary>
    public Validator Validator { get; set; } = Validator.ETag;

    /// <summary>The <c>dl</c> of config.json; null for the server's default <c>BASE/dl</c>.</summary>
    public string? Dl { get; set; }

    /// <summary>Adds a version; the archive is written too unless <paramref name="withCrate"/> is false.</summary>
    public TestRegistry Publish(string name, string version, params TestDep[] deps) => Publish(name, version, null, true, false, deps);

    public TestRegistry Publish(string name, string version, IReadOnlyDictionary<string, string[]>? features, bool withCrate, bool yanked, params TestDep[] deps)
    {
        var line = Line(name, version, features, yanked, deps);
        AppendLine(name, line);
        if (withCrate)
        {
            File.WriteAllText(Path.Combine(Root, $"{name}-{version}.crate"), $"{name} {version}");
        }

        return this;
    }

    /// <summary>Appends a raw line to a crate's index file (for malformed entries).</summary>
    public TestRegistry AppendLine(string name, string line)
    {
        var path = Path.Combine(IndexRoot, IndexPath.For(name));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.AppendAllText(path, line + "\n");
        return this;
    }

    public string Line(string name, string version, IReadOnlyDictionary<string, string[]>? features, bool yanked, params TestDep[] deps)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("vers", version);
            json.WriteStartArray("deps");
            foreach (var dep in deps)
            {
                json.WriteStartObject();
                json.WriteString("name", dep.Name);
                json.WriteString("req", dep.Req);
                json.WriteStartArray("features");
                foreach (var feature in dep.Features)
                {
                    json.WriteStringValue(feature);
                }

                json.WriteEndArray();
                json.WriteBoolean("optional", dep.Optional);
                json.WriteBoolean("default_features", dep.DefaultFeatures);
                WriteNullable(json, "target", dep.Target);
                json.WriteString("kind", dep.Kind);
                WriteNullable(json, "registry", dep.Registry);
                if (dep.Package is not null)
                {
                    json.WriteString("package", dep.Package);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("cksum", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{name} {version}"))));
            json.WriteStartObject("features");
            foreach (var (feature, values) in features ?? new Dictionary<string, string[]>())
            {
                json.WriteStartArray(feature);
                foreach (var value in values)
                {
                    json.WriteStringValue(value);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteBoolean("yanked", yanked);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// Serves the registry at <c>BASE/index/</c>. <paramref name="overrides"/> may answer a request
    /// first (return null to fall through to the files).
    /// </summary>
    public TestHttpServer Serve(Func<TestRequest, TestResponse?>? overrides = null)
    {
        TestHttpServer? server = null;
        server = new TestHttpServer(request => overrides?.Invoke(request) ?? Answer(request, server!.BaseUrl));
        return server;
    }

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

    /// <summary>What the registry answers by default (for handlers that only change how it is sent).</summary>
    public TestResponse Answer(TestRequest request, string baseUrl)
    {
        if (RequiredToken is not null && request.Header("authorization") != RequiredToken)
        {
            return TestResponse.Text(401, "token required\n", ("WWW-Authenticate", "Cargo login_url=\"https://example.com/me\""));
        }

        if (request.Path == "/index/config.json")
        {
            var auth = RequiredToken is null ? string.Empty : ", \"auth-required\": true";
            return TestResponse.Text(200, $"{{\"dl\": \"{Dl ?? baseUrl + "/dl"}\", \"api\": \"{baseUrl}\"{auth}}}");
        }

        if (!request.Path.StartsWith("/index/", StringComparison.Ordinal))
        {
            return TestResponse.NotFound();
        }

        var file = Path.Combine(IndexRoot, request.Path["/index/".Length..]);
        if (!File.Exists(file))
        {
            return TestResponse.NotFound();
        }

        var body = File.ReadAllBytes(file);
        var etag = $"\"{Convert.ToHexStringLower(SHA1.HashData(body))}\"";
        var modified = File.GetLastWriteTimeUtc(file).ToString("r", System.Globalization.CultureInfo.InvariantCulture);
        switch (Validator)
        {
            case Validator.ETag:
                return request.Header("if-none-match") == etag
                    ? TestResponse.Bytes(304, [], ("ETag", etag))
                    : TestResponse.Bytes(200, body, ("ETag", etag));
            case Validator.LastModified:
                return request.Header("if-modified-since") == modified
                    ? TestResponse.Bytes(304, [], ("Last-Modified", modified))
                    : TestResponse.Bytes(200, body, ("Last-Modified", modified));
            default:
                return TestResponse.Bytes(200, body);
        }
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
