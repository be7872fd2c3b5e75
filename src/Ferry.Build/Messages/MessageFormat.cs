namespace Ferry.Build.Messages;

/// <summary>
/// <c>--message-format</c> (Cargo's <c>MessageFormat</c>): human or short text, or JSON messages on
/// stdout with diagnostics either embedded (optionally short or with ANSI colours in
/// <c>rendered</c>) or rendered on stderr as in human mode.
/// </summary>
public sealed record MessageFormat(MessageFormatKind Kind, bool RenderDiagnostics = false, bool Short = false, bool Ansi = false)
{
    public static MessageFormat Human { get; } = new(MessageFormatKind.Human);

    public bool IsJson => Kind == MessageFormatKind.Json;

    /// <summary>Diagnostics go to stderr (human, short, or JSON with <c>json-render-diagnostics</c>).</summary>
    public bool RendersDiagnostics => Kind != MessageFormatKind.Json || RenderDiagnostics;

    public bool ShortDiagnostics => Kind == MessageFormatKind.Short || (Kind == MessageFormatKind.Json && Short);
}
