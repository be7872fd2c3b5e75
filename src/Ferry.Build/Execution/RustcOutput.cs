using System.Text.Json;
using Ferry.Build.Messages;
using Ferry.Build.Units;

namespace Ferry.Build.Execution;

/// <summary>
/// Handles what rustc prints on stderr (Cargo's <c>on_stderr_line</c>): JSON diagnostics are
/// rendered to the terminal or wrapped into <c>compiler-message</c> lines, artifact notifications
/// release pipelined dependents, anything else is passed through. Lines worth replaying when the
/// unit is fresh next time go to the output cache.
/// </summary>
internal sealed class RustcOutput : IDisposable
{
    private readonly Unit _unit;
    private readonly JobState _job;
    private readonly MessageFormat _format;
    private readonly bool _showDiagnostics;
    private readonly string? _cachePath;
    private StreamWriter? _cache;

    public RustcOutput(Unit unit, JobState job, MessageFormat format, bool showDiagnostics, string? cachePath)
    {
        _unit = unit;
        _job = job;
        _format = format;
        _showDiagnostics = showDiagnostics;
        _cachePath = cachePath;
    }

    public int Warnings { get; private set; }

    public int Errors { get; private set; }

    public void OnStdout(string line) => _job.Stdout(line);

    public void OnStderr(string line)
    {
        if (Handle(line) && _cachePath is not null)
        {
            _cache ??= new StreamWriter(_cachePath, append: false);
            _cache.WriteLine(line);
        }
    }

    /// <summary>Returns whether the line is cached for replay.</summary>
    private bool Handle(string line)
    {
        if (!line.StartsWith('{'))
        {
            _job.Stderr(line);
            return true;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            _job.Stderr(line);
            return true;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                _job.Stderr(line);
                return true;
            }

            if (root.TryGetProperty("future_incompat_report", out var report) && report.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in report.EnumerateArray())
                {
                    if (item.TryGetProperty("diagnostic", out var diagnostic) && diagnostic.TryGetProperty("level", out var level))
                    {
                        Count(level.GetString());
                    }
                }

                return true;
            }

            if (root.TryGetProperty("artifact", out var artifact) && artifact.ValueKind == JsonValueKind.String)
            {
                if (artifact.GetString()!.EndsWith(".rmeta", StringComparison.Ordinal))
                {
                    _job.RmetaProduced();
                }

                return false;
            }

            if (root.TryGetProperty("section", out _) && root.TryGetProperty("event", out _))
            {
                return false;
            }

            var hasMessage = root.TryGetProperty("message", out var messageElement) && messageElement.ValueKind == JsonValueKind.String;
            var message = hasMessage ? messageElement.GetString()! : string.Empty;
            var levelText = root.TryGetProperty("level", out var levelElement) && levelElement.ValueKind == JsonValueKind.String ? levelElement.GetString() : null;
            if (hasMessage && (message.StartsWith("aborting due to", StringComparison.Ordinal)
                || message.EndsWith("warning emitted", StringComparison.Ordinal)
                || message.EndsWith("warnings emitted", StringComparison.Ordinal)))
            {
                return true;
            }

            if (_format.RendersDiagnostics)
            {
                if (root.TryGetProperty("rendered", out var rendered) && rendered.ValueKind == JsonValueKind.String && hasMessage && levelText is not null)
                {
                    var text = rendered.GetString()!;
                    if (text.EndsWith('\n'))
                    {
                        text = text[..^1];
                    }

                    if (_showDiagnostics)
                    {
                        Count(levelText);
                        var lint = root.TryGetProperty("code", out var code) && code.ValueKind != JsonValueKind.Null;
                        _job.Diagnostic(levelText, text, lint, MachineApplicable(root));
                    }

                    return true;
                }
            }
            else if (!_format.Ansi && root.TryGetProperty("rendered", out var rendered) && rendered.ValueKind == JsonValueKind.String)
            {
                line = MachineMessages.WithRendered(root, Ansi.Strip(rendered.GetString()!));
            }

            if (root.TryGetProperty("unused_extern_names", out _))
            {
                return true;
            }

            if (!_showDiagnostics)
            {
                return true;
            }

            if (hasMessage && levelText is not null)
            {
                Count(levelText);
            }

            _job.Stdout(MachineMessages.CompilerMessage(_unit, line));
            return true;
        }
    }

    private void Count(string? level)
    {
        if (level == "warning")
        {
            Warnings++;
        }
        else if (level == "error")
        {
            Errors++;
        }
    }

    /// <summary>Whether a child suggestion rustfix could apply (Cargo counts these for the <c>cargo fix</c> hint).</summary>
    private static bool MachineApplicable(JsonElement root)
    {
        if (!root.TryGetProperty("children", out var children) || children.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var child in children.EnumerateArray())
        {
            if (child.TryGetProperty("spans", out var spans) && spans.ValueKind == JsonValueKind.Array)
            {
                foreach (var span in spans.EnumerateArray())
                {
                    if (span.TryGetProperty("suggestion_applicability", out var applicability) && applicability.ValueKind == JsonValueKind.String
                        && applicability.GetString() == "MachineApplicable")
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    public void Dispose() => _cache?.Dispose();
}
