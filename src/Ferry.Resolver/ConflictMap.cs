using Ferry.Core.Identity;

namespace Ferry.Resolver;

/// <summary>Packages that rule out a candidate, ordered by package id (Cargo's BTreeMap order).</summary>
internal sealed class ConflictMap : SortedDictionary<PackageId, ConflictReason>
{
    public ConflictMap()
    {
    }

    public ConflictMap(ConflictMap other)
        : base(other)
    {
    }

    /// <summary>Adds the reason unless the package already has one (Cargo's <c>entry().or_insert</c>).</summary>
    public void AddIfMissing(PackageId id, ConflictReason reason)
    {
        if (!ContainsKey(id))
        {
            Add(id, reason);
        }
    }

    public void Extend(IEnumerable<KeyValuePair<PackageId, ConflictReason>> items)
    {
        foreach (var (id, reason) in items)
        {
            this[id] = reason;
        }
    }
}
