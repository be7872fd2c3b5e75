using Ferry.Core.Identity;

namespace Ferry.Sources;

/// <summary>
/// Which source actually serves a dependency's source after <c>[source]</c> replacement.
/// </summary>
/// <param name="Original">The source the dependency names; summaries are always reported under it.</param>
/// <param name="Actual">The source that serves it (equal to <paramref name="Original"/> when nothing replaces it).</param>
/// <param name="OriginalName">The <c>[source]</c> name of the original (for messages), when it has one.</param>
/// <param name="ReplacementName">The <c>[source]</c> or registry name the chain ended at.</param>
public sealed record SourceResolution(SourceId Original, SourceId Actual, string? OriginalName, string? ReplacementName)
{
    /// <summary>Whether another source serves this one (including crates.io's own git → sparse switch).</summary>
    public bool IsReplaced => Original != Actual;

    /// <summary>
    /// crates.io's git index served by crates.io's sparse index: a replacement in Cargo's model, but
    /// not one the user made, so messages do not mention it.
    /// </summary>
    public bool IsBuiltinReplacement => IsReplaced && Original.IsCratesIo && Actual.IsCratesIo;

    public static SourceResolution Unreplaced(SourceId id) => new(id, id, null, null);
}
