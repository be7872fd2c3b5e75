namespace Ferry.Ops;

/// <summary>What <c>config get</c> was asked for.</summary>
/// <param name="Key">A dotted key, or null for everything.</param>
/// <param name="Format">How to print.</param>
/// <param name="ShowOrigin">Append <c># definition</c> comments (TOML only).</param>
/// <param name="Merged">Print the merged view (default) or each source separately.</param>
public sealed record ConfigGetOptions(string? Key, ConfigFormat Format, bool ShowOrigin, bool Merged);
