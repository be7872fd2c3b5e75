using Ferry.Core.Resolution;

namespace Ferry.Sources;

/// <summary>A finished resolution and how many resolver rounds (source loads in between) it took.</summary>
public sealed record ResolveOutcome(Resolve Resolve, int Rounds);
