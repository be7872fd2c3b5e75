using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Registry;
using Ferry.Core.Resolution;

namespace Ferry.Sources.Registry;

/// <summary>
/// What the registry sources (sparse and local) share: one lazily parsed <see cref="IndexFile"/>
/// per lower-cased name, queries that match name and version against it, and the descriptions
/// Cargo gives registries in messages (<c>crates.io index</c>, <c>`NAME` index</c>, plus
/// <c>(which is replacing registry `crates-io`)</c> under source replacement).
/// </summary>
internal abstract class IndexedRegistrySource : ISource
{
    protected IndexedRegistrySource(SourceResolution resolution)
    {
        Resolution = resolution;
    }

    public SourceResolution Resolution { get; }

    public SourceId SourceId => Resolution.Original;

    /// <summary>The registry actually read.</summary>
    public SourceId Actual => Resolution.Actual;

    public bool IsReplaced => Resolution.IsReplaced && !Resolution.IsBuiltinReplacement;

    public abstract bool HasPending { get; }

    /// <summary>Cargo's <c>display_index</c> of the registry actually read.</summary>
    public string DisplayIndex => Actual.IsCratesIo ? "crates.io index" : $"`{DisplayRegistryName(Actual)}` index";

    public string Describe() => IsReplaced ? $"{DisplayIndex} (which is replacing {SourceId})" : DisplayIndex;

    public virtual void Update()
    {
    }

    public abstract QueryResult Query(Dependency dependency);

    public abstract Task LoadPendingAsync(CancellationToken cancellationToken);

    public virtual void Speculate(bool on)
    {
    }

    public virtual bool CanSpeculate => false;

    public virtual void ReplayCargoSchedule(bool on)
    {
    }

    public virtual bool NextScheduledRound() => false;

    public virtual bool SpeculationHeld => true;

    public IReadOnlyList<IndexSummary> AllVersions(string name)
    {
        if (LoadedFile(name) is not { } file)
        {
            return [];
        }

        var all = file.Matching(static _ => true);
        all.RemoveAll(candidate => candidate.Summary.Name != name);
        return all;
    }

    public IEnumerable<IndexSummary> NewestFirst(string name, Func<Version, bool> matches) =>
        LoadedFile(name) is { } file ? file.NewestFirst(matches).Where(candidate => candidate.Summary.Name == name) : [];

    public IReadOnlyList<string> AlternativeNames(string name)
    {
        // Cargo only tries the `-`/`_` spellings: anything fuzzier would mean fetching files.
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var candidate in new[] { name, name.Replace('-', '_'), name.Replace('_', '-') })
        {
            if (LoadedFile(candidate) is { } file)
            {
                foreach (var summary in file.Matching(static _ => true))
                {
                    names.Add(summary.Summary.Name);
                }
            }
        }

        return [.. names];
    }

    /// <summary>The names <see cref="AlternativeNames"/> looks at, so a source can load them when a name is not found.</summary>
    protected static IEnumerable<string> Permutations(string name)
    {
        var underscores = name.Replace('-', '_');
        var dashes = name.Replace('_', '-');
        if (underscores != name)
        {
            yield return underscores;
        }

        if (dashes != name && dashes != underscores)
        {
            yield return dashes;
        }
    }

    /// <summary>The loaded index file of <paramref name="name"/>, or null when it is absent or not loaded.</summary>
    protected abstract IndexFile? LoadedFile(string name);

    /// <summary>The versions of <paramref name="file"/> the dependency accepts, with its exact name (index files are shared by case).</summary>
    protected static List<IndexSummary> Matching(IndexFile file, Dependency dependency)
    {
        var matches = file.Matching(dependency.VersionMatches);
        matches.RemoveAll(candidate => candidate.Summary.Name != dependency.PackageName);
        return matches;
    }

    protected static string Key(string name) => name.ToLowerInvariant();

    private static string DisplayRegistryName(SourceId id) =>
        id.RegistryName ?? (id.Url.Scheme == "file" ? id.LocalPath : id.Url.ToString());
}
