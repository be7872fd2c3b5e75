using System.Collections.Immutable;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Util.Diagnostics;

namespace Ferry.Resolver;

/// <summary>
/// The resolver's state at one point of its search: what is activated (one package per
/// name/semver-range/source), when it was activated (its "age", used to find the backtrack
/// point that can undo a conflict), the features each package was activated with, which
/// package owns each <c>links</c> value, and who depends on whom. All of it is persistent, so
/// saving a backtrack frame is a pointer copy.
/// </summary>
internal sealed class ResolverContext
{
    public static readonly ResolverContext Empty = new(
        0,
        ImmutableDictionary<ActivationsKey, (Summary Summary, int Age)>.Empty,
        ImmutableDictionary<PackageId, ImmutableSortedSet<string>>.Empty,
        ImmutableDictionary<string, PackageId>.Empty,
        ParentsGraph.Empty);

    private ResolverContext(
        int age,
        ImmutableDictionary<ActivationsKey, (Summary Summary, int Age)> activations,
        ImmutableDictionary<PackageId, ImmutableSortedSet<string>> resolveFeatures,
        ImmutableDictionary<string, PackageId> links,
        ParentsGraph parents)
    {
        Age = age;
        Activations = activations;
        ResolveFeatures = resolveFeatures;
        Links = links;
        Parents = parents;
    }

    public int Age { get; private set; }

    public ImmutableDictionary<ActivationsKey, (Summary Summary, int Age)> Activations { get; private set; }

    public ImmutableDictionary<PackageId, ImmutableSortedSet<string>> ResolveFeatures { get; private set; }

    public ImmutableDictionary<string, PackageId> Links { get; private set; }

    public ParentsGraph Parents { get; private set; }

    public ResolverContext Clone() => new(Age, Activations, ResolveFeatures, Links, Parents);

    public void IncrementAge() => Age++;

    public void LinkParent(PackageId candidate, PackageId parent, Dependency dep) => Parents = Parents.Link(candidate, parent, dep);

    public void AddFeatures(PackageId id, IEnumerable<string> features)
    {
        var existing = ResolveFeatures.TryGetValue(id, out var set) ? set : ImmutableSortedSet.Create<string>(StringComparer.Ordinal);
        ResolveFeatures = ResolveFeatures.SetItem(id, existing.Union(features));
    }

    /// <summary>
    /// Marks <paramref name="summary"/> active. Returns true when it already was, with at least
    /// the requested features (nothing more to do); throws a conflict when a renamed-source
    /// activation collides; and a fatal error for a duplicate <c>links</c>.
    /// </summary>
    public bool FlagActivated(Summary summary, ResolveOpts opts, (Summary Parent, Dependency Dep)? parent)
    {
        var id = summary.PackageId;
        var key = ActivationsKey.Of(id);
        if (!Activations.ContainsKey(key))
        {
            if (summary.Links is { } link)
            {
                if (Links.ContainsKey(link))
                {
                    throw new FerryException(
                        $"Attempting to resolve a dependency with more than one crate with links={link}.\nThis will not build as is. Consider rebuilding the .lock file.");
                }

                Links = Links.SetItem(link, id);
            }

            Activations = Activations.SetItem(key, (summary, Age));
            if (parent is { } p && p.Dep.Source != id.Source)
            {
                // A package reached through a patch or source replacement also occupies the
                // dependency's own source, so two such paths cannot activate two versions.
                var alias = new ActivationsKey(id.Name, key.Compatibility, p.Dep.Source);
                var previous = Activations.TryGetValue(alias, out var prev) ? prev.Summary : null;
                Activations = Activations.SetItem(alias, (summary, Age));
                if (previous is not null)
                {
                    throw new ConflictException(previous.PackageId, ConflictReason.Semver);
                }
            }

            return false;
        }

        switch (opts.Features)
        {
            case RequestedFeatures.Cli:
                return false;
            case RequestedFeatures.FromDependency fromDep:
                var hasDefault = summary.Features.ContainsKey("default");
                var previousFeatures = ResolveFeatures.TryGetValue(id, out var prevSet) ? prevSet : ImmutableSortedSet<string>.Empty;
                return fromDep.Features.IsSubsetOf(previousFeatures)
                    && (!fromDep.UsesDefaultFeatures || previousFeatures.Contains("default") || !hasDefault);
            default:
                return false;
        }
    }

    /// <summary>The age at which <paramref name="id"/> was activated, or null when it is not active.</summary>
    public int? IsActive(PackageId id) =>
        Activations.TryGetValue(ActivationsKey.Of(id), out var entry) && entry.Summary.PackageId == id ? entry.Age : null;

    /// <summary>The newest age among the parent and the conflicting packages, or null if any is no longer active.</summary>
    public int? IsConflicting(PackageId? parent, ConflictMap conflicts)
    {
        var max = 0;
        if (parent is { } p)
        {
            if (IsActive(p) is not { } age)
            {
                return null;
            }

            max = Math.Max(max, age);
        }

        foreach (var id in conflicts.Keys)
        {
            if (IsActive(id) is not { } age)
            {
                return null;
            }

            max = Math.Max(max, age);
        }

        return max;
    }
}
