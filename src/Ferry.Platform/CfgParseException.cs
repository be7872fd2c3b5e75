namespace Ferry.Platform;

/// <summary>
/// A <c>cfg(...)</c> expression, cfg value or <c>[target.&lt;key&gt;]</c> key failed to parse.
/// <see cref="Exception.Message"/> is cargo-platform's text exactly, e.g.
/// <c>failed to parse `all(a` as a cfg expression: expected `)`, but cfg expression ended</c> (cargo prints
/// it after "Caused by:" under "failed to parse manifest at ...").
/// </summary>
public sealed class CfgParseException : FormatException
{
    public CfgParseException(string message, string input, int position, CfgErrorKind kind, Exception? innerException = null)
        : base(message, innerException)
    {
        Input = input;
        Position = position;
        Kind = kind;
    }

    /// <summary>The complete text given to the parse method (for a platform key, the whole key including <c>cfg(</c>).</summary>
    public string Input { get; }

    /// <summary>
    /// Zero-based UTF-16 index into <see cref="Input"/> of the offending character or token, or
    /// <c>Input.Length</c> when the expression ended too early.
    /// </summary>
    public int Position { get; }

    public CfgErrorKind Kind { get; }
}
