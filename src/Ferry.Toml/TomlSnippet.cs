namespace Ferry.Toml;

/// <summary>
/// What a caller needs to render a diagnostic the way cargo does
/// (<c>--&gt; Cargo.toml:4:9</c>, the source line, then carets under the span).
/// </summary>
/// <param name="Line">1-based line of the span start.</param>
/// <param name="Column">1-based column of the span start.</param>
/// <param name="LineText">The text of that line without its line ending.</param>
/// <param name="CaretLength">How many carets to print (at least 1, clipped to the end of the line).</param>
public readonly record struct TomlSnippet(int Line, int Column, string LineText, int CaretLength);
