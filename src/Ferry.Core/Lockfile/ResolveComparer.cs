using Ferry.Core.Resolution;

namespace Ferry.Core.Lockfile;

/// <summary>
/// Cargo's <c>PartialEq for Resolve</c>, which ignores the format version: the same packages and
/// edges, replacements, features, checksums, metadata, unused patches (in order) and summaries.
/// Edges compare by target only; the declarations behind them are not part of a lockfile.
/// </summary>
internal static class ResolveComparer
{
    public static bool Equal(Resolve a, Resolve b)
    {
        if (a.Graph.Count != b.Graph.Count || a.Replacements.Count != b.Replacements.Count
            || a.Features.Count != b.Features.Count || a.Checksums.Count != b.Checksums.Count
            || a.Metadata.Count != b.Metadata.Count || a.Summaries.Count != b.Summaries.Count)
        {
            return false;
        }

        foreach (var (id, edges) in a.Graph)
        {
            if (!b.Graph.TryGetValue(id, out var other)
                || !edges.Select(e => e.Target).ToHashSet().SetEquals(other.Select(e => e.Target)))
            {
                return false;
            }
        }

        foreach (var (id, target) in a.Replacements)
        {
            if (!b.Replacements.TryGetValue(id, out var other) || !other.Equals(target))
            {
                return false;
            }
        }

        foreach (var (id, features) in a.Features)
        {
            if (!b.Features.TryGetValue(id, out var other) || !features.SequenceEqual(other))
            {
                return false;
            }
        }

        foreach (var (id, checksum) in a.Checksums)
        {
            if (!b.Checksums.TryGetValue(id, out var other) || other != checksum)
            {
                return false;
            }
        }

        foreach (var (key, value) in a.Metadata)
        {
            if (!b.Metadata.TryGetValue(key, out var other) || other != value)
            {
                return false;
            }
        }

        return a.UnusedPatches.SequenceEqual(b.UnusedPatches) && a.Summaries.Keys.All(b.Summaries.ContainsKey);
    }
}
