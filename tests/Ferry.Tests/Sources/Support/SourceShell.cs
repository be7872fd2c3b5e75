using Ferry.Util.Diagnostics;

namespace Ferry.Tests.Sources.Support;

/// <summary>A shell that records what sources say (status lines and warnings), thread-safely.</summary>
internal sealed class SourceShell : IShell
{
    private readonly Lock _lock = new();
    private readonly List<string> _lines = [];

    public Verbosity Verbosity => Verbosity.Normal;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lock)
            {
                return [.. _lines];
            }
        }
    }

    public IReadOnlyList<string> Warnings => [.. Lines.Where(l => l.StartsWith("warning: ", StringComparison.Ordinal)).Select(l => l["warning: ".Length..])];

    public void Status(string status, string message) => Add($"{status,12} {message}");

    public void StatusWarn(string status, string message) => Add($"{status,12} {message}");

    public void Warn(string message) => Add("warning: " + message);

    public void Note(string message) => Add("note: " + message);

    public void Out(string text) => Add(text);

    private void Add(string line)
    {
        lock (_lock)
        {
            _lines.Add(line);
        }
    }
}
