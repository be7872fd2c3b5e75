namespace Ferry.Tests.Sources.Support;

/// <summary>One request as the test server received it.</summary>
internal sealed record TestRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers)
{
    public static TestRequest Parse(string head)
    {
        var lines = head.Split("\r\n");
        var parts = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        return new TestRequest(parts[0], parts.Length > 1 ? parts[1] : "/", headers);
    }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
