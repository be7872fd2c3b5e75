using System.Text;

namespace Ferry.Tests.Sources.Support;

/// <summary>What the test server answers, including ways of misbehaving.</summary>
internal sealed record TestResponse(int Status, byte[] Body)
{
    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];

    /// <summary>Wait this long before answering (a slow server).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Close the connection without answering.</summary>
    public bool DropConnection { get; init; }

    /// <summary>Announce more bytes than are sent, then close (a truncated body).</summary>
    public bool Truncate { get; init; }

    public bool CloseAfter { get; init; }

    /// <summary>Send the body this many bytes at a time, waiting <see cref="TrickleDelay"/> before each (a slow server); 0 sends it at once.</summary>
    public int TrickleBytes { get; init; }

    public TimeSpan TrickleDelay { get; init; }

    public static TestResponse Text(int status, string body, params (string Name, string Value)[] headers) =>
        new(status, Encoding.UTF8.GetBytes(body)) { Headers = headers };

    public static TestResponse Bytes(int status, byte[] body, params (string Name, string Value)[] headers) =>
        new(status, body) { Headers = headers };

    public static TestResponse NotFound() => Text(404, "not found\n");

    public byte[] Serialize()
    {
        var head = new StringBuilder();
        head.Append("HTTP/1.1 ").Append(Status).Append(' ').Append(Reason(Status)).Append("\r\n");
        foreach (var (name, value) in Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        var body = Status is 304 or 204 ? [] : Body;
        var length = Truncate ? body.Length + 100 : body.Length;
        if (Status is not (304 or 204))
        {
            head.Append("Content-Length: ").Append(length).Append("\r\n");
        }

        if (Truncate || CloseAfter)
        {
            head.Append("Connection: close\r\n");
        }

        head.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. body];
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        410 => "Gone",
        429 => "Too Many Requests",
        451 => "Unavailable For Legal Reasons",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
