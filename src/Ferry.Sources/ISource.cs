using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;

namespace Ferry.Sources;

/// <summary>
/// One source of packages as <see cref="PackageRegistry"/> sees it (Cargo's <c>Source</c> trait,
/// reduced to what resolution needs). Queries never wait: a source that has not loaded what a
/// query needs remembers it, answers <see cref="QueryResult.Pending"/>, and loads everything
/// remembered in <see cref="LoadPendingAsync"/>, which the driver calls between resolver rounds.
/// </summary>
/// <remarks>
/// Sources report summaries under <see cref="SourceId"/>, the id dependencies name. A source that
/// serves another through <c>[source]</c> replacement is constructed with the replaced id, so its
/// summaries need no rewriting afterwards (Cargo maps every summary back; that costs an
/// allocation per candidate per query and buys nothing).
/// </remarks>
internal interface ISource
{
    /// <summary>The id summaries are reported under.</summary>
    SourceId SourceId { get; }

    /// <summary>Whether this source is worth a "(which is replacing ...)" in messages.</summary>
    bool IsReplaced { get; }

    /// <summary>How <c>location searched:</c> describes it (Cargo's <c>Source::describe</c>).</summary>
    string Describe();

    /// <summary>
    /// Reads what a local source needs before its first query (a path package's manifest, a
    /// directory source's packages, a local registry's directories). Called once, right after
    /// the source is created; errors here read "unable to update ...".
    /// </summary>
    void Update();

    /// <summary>The candidates for <paramref name="dependency"/>, every status included; pending when not loaded yet.</summary>
    QueryResult Query(Dependency dependency);

    bool HasPending { get; }

    Task LoadPendingAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Turns speculative answering on or off (see <see cref="ResolveDriver"/>): while on, a query
    /// that would wait for a load in flight is answered from a copy the load already has in hand
    /// (a cached index file the server is revalidating), or pending, and leaves nothing behind.
    /// </summary>
    void Speculate(bool on)
    {
    }

    /// <summary>
    /// Turns Cargo's loading schedule on or off (see <see cref="ResolveDriver"/>): while on, a file
    /// counts only from the round after the one whose query first asked for it, however early it
    /// was loaded, as when Cargo loads it between those rounds.
    /// </summary>
    void ReplayCargoSchedule(bool on)
    {
    }

    /// <summary>Ends a round of the replayed schedule; true when files asked for in it now count.</summary>
    bool NextScheduledRound() => false;

    /// <summary>Whether a load in flight has copies at hand for speculative answers.</summary>
    bool CanSpeculate => false;

    /// <summary>After the loads finished: whether every speculative answer matched what they loaded.</summary>
    bool SpeculationHeld => true;

    /// <summary>Every loaded version of <paramref name="name"/>, for error messages (nothing is loaded here).</summary>
    IReadOnlyList<IndexSummary> AllVersions(string name);

    /// <summary>The versions of <paramref name="name"/> that <paramref name="matches"/> accepts, newest first; registries parse them lazily.</summary>
    IEnumerable<IndexSummary> NewestFirst(string name, Func<Version, bool> matches) =>
        AllVersions(name).Where(s => matches(s.Summary.Version)).OrderByDescending(s => s.Summary.Version);

    /// <summary>Loaded package names a misspelling of <paramref name="name"/> might have meant (Cargo's alternative-names query).</summary>
    IReadOnlyList<string> AlternativeNames(string name);
}
