using Ferry.Util.Diagnostics;

namespace Ferry.Tests.Core.Configuration;

/// <summary>A shell that remembers warnings, so tests can assert on exactly what configuration reported.</summary>
internal sealed class RecordingShell : IShell
{
    public List<string> Warnings { get; } = [];

    public Verbosity Verbosity => Verbosity.Normal;

    public void Status(string status, string message)
    {
    }

    public void StatusWarn(string status, string message)
    {
    }

    public void Warn(string message) => Warnings.Add(message);

    public void Note(string message)
    {
    }

    public void Out(string text)
    {
    }
}
