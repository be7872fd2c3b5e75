namespace Ferry.Toml.Parsing;

/// <summary>
/// Keeps the first error reported to it. toml-rs reports every error and cargo shows the first one, so the
/// decoders here keep toml-rs's reporting order and this sink keeps only what would be shown.
/// </summary>
internal sealed class ErrorSink
{
    public string? Message { get; private set; }

    public int Start { get; private set; }

    public int Length { get; private set; }

    public bool HasSpan { get; private set; }

    public bool HasError => Message is not null;

    public void Report(string message, int start, int length)
    {
        if (Message is null)
        {
            Message = message;
            Start = start;
            Length = length;
            HasSpan = true;
        }
    }

    public void ReportWithoutSpan(string message)
    {
        if (Message is null)
        {
            Message = message;
            HasSpan = false;
        }
    }

    public TomlParseException ToException(string source)
        => new(Message ?? "invalid TOML", HasSpan ? new TomlSpan(Start, Length) : null, source);
}
