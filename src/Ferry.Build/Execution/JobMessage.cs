namespace Ferry.Build.Execution;

/// <summary>What running jobs tell the scheduler's thread, which alone writes to the terminal (Cargo's job queue <c>Message</c>).</summary>
internal sealed record JobMessage(JobMessageKind Kind, int JobId)
{
    public string? Text { get; init; }

    /// <summary>Diagnostic level (<c>warning</c>, <c>error</c>, ...).</summary>
    public string? Level { get; init; }

    public bool Lint { get; init; }

    public bool Fixable { get; init; }

    public Exception? Error { get; init; }
}
