namespace Ferry.Ops;

/// <summary>The text <c>config get</c> prints: the data on stdout and Cargo's JSON-mode note on stderr.</summary>
public sealed record ConfigGetOutput(string Stdout, string Stderr);
