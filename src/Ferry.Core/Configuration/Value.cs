namespace Ferry.Core.Configuration;

/// <summary>A typed configuration value and where it was defined (Cargo's <c>Value&lt;T&gt;</c>).</summary>
public sealed record Value<T>(T Val, Definition Definition);
