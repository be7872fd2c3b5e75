using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Registry;
using Ferry.Core.Resolution;

namespace Ferry.Sources.Registry;

/// <summary>
/// Guesses, while index files arrive, which files the resolver will ask for next, so a sparse
/// registry can fetch them in the same load instead of one resolver round later.
/// </summary>
/// <remarks>
/// For each name it remembers every request seen so far (the first requirement, and the union of
/// the features dependents ask for), picks the newest non-yanked version the first requirement
/// accepts — what the resolver tries first — and names that version's dependencies from the same
/// registry: the non-optional ones, and the optional ones the requested features (or
/// <c>default</c>) enable. A later request that enables more features names the extra optional
/// dependencies then. Dev-dependencies are never named (dependencies' dev-dependencies are not
/// resolved). A wrong guess costs one request; a missed one costs one resolver round.
/// </remarks>
internal sealed class PrefetchPlanner
{
    private readonly SourceId _source;
    private readonly Dictionary<string, Requests> _requests = new(StringComparer.Ordinal);

    public PrefetchPlanner(SourceId source)
    {
        _source = source;
    }

    /// <summary>Records a request for <paramref name="dependency"/>; returns what it adds to fetch if its file is already loaded.</summary>
    public List<Dependency> Request(string key, Dependency dependency)
    {
        if (!_requests.TryGetValue(key, out var requests))
        {
            requests = new Requests(dependency);
            _requests[key] = requests;
        }

        var added = requests.Add(dependency);
        return added && requests.Best is not null ? requests.Expand(_source) : [];
    }

    /// <summary>
    /// The file of <paramref name="key"/> has loaded (null: no such crate); returns the dependencies
    /// to fetch. <paramref name="replace"/>: this is a newer copy of a file planned from before
    /// (the server's answer to a cached copy), so the choice is made again.
    /// </summary>
    public List<Dependency> Loaded(string key, IndexFile? file, bool replace)
    {
        if (file is null || !_requests.TryGetValue(key, out var requests) || (requests.Best is not null && !replace))
        {
            return [];
        }

        IndexSummary? best = null;
        foreach (var candidate in file.Matching(requests.First.VersionMatches))
        {
            if (candidate.Status == IndexSummaryStatus.Candidate
                && candidate.Summary.Name == requests.First.PackageName
                && (best is null || candidate.Summary.Version.CompareTo(best.Summary.Version) > 0))
            {
                best = candidate;
            }
        }

        if (best is null)
        {
            return [];
        }

        requests.Best = best.Summary;
        return requests.Expand(_source);
    }

    private sealed class Requests
    {
        private readonly HashSet<string> _features = new(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<string>> _named = new(StringComparer.Ordinal);
        private bool _defaults;

        public Requests(Dependency first)
        {
            First = first;
        }

        public Dependency First { get; }

        public Summary? Best { get; set; }

        /// <summary>Merges a request; true when it asks for something new.</summary>
        public bool Add(Dependency dependency)
        {
            var added = dependency.DefaultFeatures && !_defaults;
            _defaults |= dependency.DefaultFeatures;
            foreach (var feature in dependency.Features)
            {
                added |= _features.Add(feature);
            }

            return added;
        }

        /// <summary>
        /// The dependencies of the chosen version the requests so far need, each with the features
        /// this package asks of it, minus those already named with at least those features.
        /// </summary>
        public List<Dependency> Expand(SourceId source)
        {
            var summary = Best!;
            var (enabled, depFeatures) = Walk(summary);
            var result = new List<Dependency>();
            foreach (var dep in summary.Dependencies)
            {
                if (dep.Kind == DependencyKind.Development || (dep.Optional && !enabled.Contains(dep.NameInToml)) || dep.Source != source)
                {
                    continue;
                }

                var features = new HashSet<string>(dep.Features, StringComparer.Ordinal);
                if (depFeatures.TryGetValue(dep.NameInToml, out var extra))
                {
                    features.UnionWith(extra);
                }

                var key = dep.NameInToml + "\0" + dep.PackageName + "\0" + dep.Kind;
                if (_named.TryGetValue(key, out var previous) && previous.IsSupersetOf(features))
                {
                    continue;
                }

                _named[key] = features;
                result.Add(features.Count == dep.Features.Length ? dep : dep with { Features = [.. features.Order(StringComparer.Ordinal)] });
            }

            return result;
        }

        /// <summary>Which optional dependencies the requested features enable, and which features they ask of each dependency.</summary>
        private (HashSet<string> Enabled, Dictionary<string, HashSet<string>> DepFeatures) Walk(Summary summary)
        {
            var enabled = new HashSet<string>(StringComparer.Ordinal);
            var depFeatures = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<string>(_features);
            if (_defaults)
            {
                stack.Push("default");
            }

            while (stack.TryPop(out var feature))
            {
                if (!seen.Add(feature))
                {
                    continue;
                }

                if (!summary.Features.TryGetValue(feature, out var values))
                {
                    continue;
                }

                foreach (var value in values)
                {
                    switch (value.Kind)
                    {
                        case FeatureValueKind.Feature:
                            stack.Push(value.Name);
                            break;
                        case FeatureValueKind.Dep:
                            enabled.Add(value.Name);
                            break;
                        default:
                            if (!depFeatures.TryGetValue(value.Name, out var set))
                            {
                                set = new HashSet<string>(StringComparer.Ordinal);
                                depFeatures[value.Name] = set;
                            }

                            set.Add(value.DepFeature!);
                            if (!value.Weak)
                            {
                                enabled.Add(value.Name);
                                stack.Push(value.Name);
                            }

                            break;
                    }
                }
            }

            return (enabled, depFeatures);
        }
    }
}
