using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;
using Ferry.Semver;
using Ferry.Sources;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops.Resolution;

/// <summary>
/// The status lines Cargo prints after resolving: <c>Locking N packages to latest compatible
/// versions</c>, then <c>Adding</c>/<c>Updating</c>/<c>Downgrading</c>/<c>Removing</c> per changed
/// package with <c>(available: vX)</c> notes when a newer compatible (or, for direct
/// dependencies, incompatible) version exists.
/// </summary>
internal sealed class LockfileChanges
{
    private readonly IShell _shell;
    private readonly PackageRegistry _registry;
    private readonly HashSet<PackageId> _members;
    private readonly Lazy<RustVersion?> _requiredRustVersion;
    private readonly bool _honorsRustVersion;

    /// <param name="requiredRustVersion">
    /// The Rust version packages are checked against: the workspace's lowest <c>rust-version</c>
    /// when the resolve honours it, else the installed rustc's. Evaluated only if a note needs it
    /// (it may run rustc).
    /// </param>
    public LockfileChanges(IShell shell, PackageRegistry registry, IEnumerable<PackageId> members, bool honorsRustVersion, Func<RustVersion?> requiredRustVersion)
    {
        _shell = shell;
        _registry = registry;
        _members = [.. members];
        _honorsRustVersion = honorsRustVersion;
        _requiredRustVersion = new Lazy<RustVersion?>(requiredRustVersion);
    }

    /// <summary>After <c>generate-lockfile</c> or a first resolve (no previous lockfile).</summary>
    public void PrintGeneration(Resolve resolve) => PrintSync(null, resolve);

    /// <summary>After a resolve that kept a previous lockfile: only new or changed packages are listed.</summary>
    public void PrintSync(Resolve? previous, Resolve resolve)
    {
        // Every line is a status or a note, none of which --quiet shows: skip the queries (and
        // the `rustc -vV` the notes may need) whose answers would not be printed.
        if (_shell.Verbosity == Verbosity.Quiet)
        {
            return;
        }

        var changes = Changes(previous, resolve);
        var count = changes.Count(c => IsNew(c.Kind) && c.IsMember != true);
        if (count == 0)
        {
            return;
        }

        StatusLocking(count);
        foreach (var change in changes)
        {
            if (change.IsMember == true)
            {
                continue;
            }

            switch (change.Kind)
            {
                case ChangeKind.Added or ChangeKind.Upgraded or ChangeKind.Downgraded:
                    var note = RequiredRustVersionNote(resolve, change) ?? LatestNote(change);
                    if (previous is null && note is null)
                    {
                        // Without a previous lockfile every package is new; only the ones with a note are shown.
                        continue;
                    }

                    _shell.Status(StatusOf(change.Kind), change.Describe() + (note ?? string.Empty));
                    break;
            }
        }
    }

    /// <summary>
    /// The <c>update --precise</c> of this run. Cargo asks the same "precise" source for
    /// alternatives, and that source answers any query whose requirement matches the old version
    /// with the requested version alone: packages of that name get no latest note.
    /// </summary>
    public PreciseUpdate? Precise { get; init; }

    /// <summary>After <c>update</c>: every change, and (with <c>-v</c>) the unchanged packages behind latest.</summary>
    public void PrintUpdates(Resolve previous, Resolve resolve, bool precise)
    {
        if (_shell.Verbosity == Verbosity.Quiet)
        {
            return;
        }

        var changes = Changes(previous, resolve);
        var count = changes.Count(c => IsNew(c.Kind));
        if (!precise)
        {
            StatusLocking(count);
        }

        var unchangedBehind = 0;
        foreach (var change in changes)
        {
            switch (change.Kind)
            {
                case ChangeKind.Added or ChangeKind.Upgraded or ChangeKind.Downgraded:
                    _shell.Status(StatusOf(change.Kind), change.Describe() + (RequiredRustVersionNote(resolve, change) ?? LatestNote(change) ?? string.Empty));
                    break;
                case ChangeKind.Removed:
                    _shell.Status(StatusOf(change.Kind), change.Describe());
                    break;
                case ChangeKind.Unchanged:
                    var latest = LatestNote(change);
                    var note = RequiredRustVersionNote(resolve, change) ?? latest;
                    if (note is not null)
                    {
                        if (latest is not null)
                        {
                            unchangedBehind++;
                        }

                        if (_shell.Verbosity == Verbosity.Verbose)
                        {
                            _shell.Status(StatusOf(change.Kind), change.Describe() + note);
                        }
                    }

                    break;
            }
        }

        if (_shell.Verbosity == Verbosity.Verbose)
        {
            _shell.Note("to see how you depend on a package, run `cargo tree --invert <dep>@<ver>`");
        }
        else if (unchangedBehind > 0)
        {
            _shell.Note($"pass `--verbose` to see {unchangedBehind} unchanged dependencies behind latest");
        }
    }

    private void StatusLocking(int count)
    {
        var plural = count == 1 ? string.Empty : "s";
        var rust = _honorsRustVersion && _requiredRustVersion.Value is { } rv ? $" Rust {rv}" : string.Empty;
        _shell.Status("Locking", $"{count} package{plural} to latest{rust} compatible version{plural}");
    }

    private List<Change> Changes(Resolve? previous, Resolve resolve)
    {
        var groups = new SortedDictionary<(string Name, SourceId Source), (List<PackageId> Removed, List<PackageId> Added)>(
            Comparer<(string Name, SourceId Source)>.Create((a, b) =>
            {
                var c = string.CompareOrdinal(a.Name, b.Name);
                return c != 0 ? c : a.Source.CompareTo(b.Source);
            }));
        (List<PackageId> Removed, List<PackageId> Added) Group(PackageId id)
        {
            if (!groups.TryGetValue((id.Name, id.Source), out var group))
            {
                group = ([], []);
                groups[(id.Name, id.Source)] = group;
            }

            return group;
        }

        if (previous is not null)
        {
            foreach (var id in previous.Packages)
            {
                Group(id).Removed.Add(id);
            }
        }

        foreach (var id in resolve.Packages)
        {
            Group(id).Added.Add(id);
        }

        var changes = new List<Change>();
        foreach (var (_, (old, @new)) in groups)
        {
            old.Sort();
            @new.Sort();
            var removed = old.Where(id => !Contains(@new, id)).ToList();
            var added = @new.Where(id => !Contains(old, id)).ToList();
            var unchanged = @new.Where(id => Contains(old, id)).ToList();
            if (removed.Count == 1 && added.Count == 1)
            {
                var kind = removed[0].Version.ComparePrecedence(added[0].Version) > 0 ? ChangeKind.Downgraded : ChangeKind.Upgraded;
                changes.Add(new Change(added[0], removed[0], kind, _members.Contains(added[0])));
            }
            else
            {
                changes.AddRange(removed.Select(id => new Change(id, null, ChangeKind.Removed, null)));
                changes.AddRange(added.Select(id => new Change(id, null, ChangeKind.Added, _members.Contains(id))));
            }

            changes.AddRange(unchanged.Select(id => new Change(id, null, ChangeKind.Unchanged, _members.Contains(id))));
        }

        // Members and their direct dependencies are not transitive: for them, newer incompatible versions are worth a note.
        var direct = new HashSet<PackageId>();
        foreach (var member in _members)
        {
            direct.Add(member);
            foreach (var edge in resolve.Dependencies(member))
            {
                direct.Add(edge.Target);
            }
        }

        foreach (var change in changes)
        {
            change.IsTransitive = !direct.Contains(change.PackageId);
        }

        return changes;
    }

    private static bool Contains(List<PackageId> haystack, PackageId needle)
    {
        foreach (var id in haystack)
        {
            if (id == needle && (needle.Source.IsRegistry || id.Source.Precise == needle.Source.Precise))
            {
                return true;
            }
        }

        return false;
    }

    private string? RequiredRustVersionNote(Resolve resolve, Change change)
    {
        if (change.PackageId.Source.IsPath
            || !resolve.Summaries.TryGetValue(change.PackageId, out var summary)
            || summary.RustVersion is not { } rv
            || _requiredRustVersion.Value is not { } required)
        {
            return null;
        }

        return rv > required ? $" (requires Rust {rv})" : null;
    }

    private string? LatestNote(Change change)
    {
        var id = change.PackageId;
        if (!id.Source.IsRegistry)
        {
            return null;
        }

        var query = new Dependency { PackageName = id.Name, Source = id.Source, Req = VersionReq.Star };
        var pinned = Precise is { } precise && precise.From.Name == id.Name && precise.From.Source == id.Source && VersionReq.Star.Matches(precise.From.Version)
            ? precise.Target.Version
            : null;
        // Newest first, parsed lazily: each question below stops at its first answer.
        IEnumerable<Summary> Candidates(Func<Version, bool> matches) => _registry
            .NewestFirst(query, v => (pinned is null || v == pinned) && matches(v))
            .Where(s => s.Status == IndexSummaryStatus.Candidate)
            .Select(s => s.Summary);
        var caret = id.Version.ToCaretReq();
        bool MsrvOk(Summary s) => s.RustVersion is null || _requiredRustVersion.Value is not { } required || s.RustVersion <= required;
        bool Compatible(Version v) => v != id.Version && caret.Matches(v);
        bool Newer(Version v) => IsLatest(v, id.Version);

        if (Candidates(Compatible).FirstOrDefault(MsrvOk) is { } compatible)
        {
            return $" (available: v{compatible.Version})";
        }

        if (!change.IsTransitive && Candidates(Newer).FirstOrDefault(MsrvOk) is { } incompatible)
        {
            return $" (available: v{incompatible.Version})";
        }

        if (Candidates(Compatible).FirstOrDefault() is { } anyCompatible)
        {
            return $" (available: v{anyCompatible.Version}{MsrvNote(anyCompatible)})";
        }

        if (!change.IsTransitive && Candidates(Newer).FirstOrDefault() is { } anyLatest)
        {
            return $" (available: v{anyLatest.Version}{MsrvNote(anyLatest)})";
        }

        return null;
    }

    private static bool IsNew(ChangeKind kind) => kind is ChangeKind.Added or ChangeKind.Upgraded or ChangeKind.Downgraded;

    private static string StatusOf(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => "Adding",
        ChangeKind.Removed => "Removing",
        ChangeKind.Upgraded => "Updating",
        ChangeKind.Downgraded => "Downgrading",
        _ => "Unchanged",
    };

    private static string MsrvNote(Summary summary) => summary.RustVersion is { } rv ? $", requires Rust {rv}" : string.Empty;

    private static bool IsLatest(Version candidate, Version current) =>
        current < candidate
        && (candidate.Pre.IsEmpty || (candidate.Major == current.Major && candidate.Minor == current.Minor && candidate.Patch == current.Patch));

    private enum ChangeKind
    {
        Added,
        Removed,
        Upgraded,
        Downgraded,
        Unchanged,
    }

    private sealed class Change
    {
        public Change(PackageId packageId, PackageId? previousId, ChangeKind kind, bool? isMember)
        {
            PackageId = packageId;
            PreviousId = previousId;
            Kind = kind;
            IsMember = isMember;
        }

        public PackageId PackageId { get; }

        public PackageId? PreviousId { get; }

        public ChangeKind Kind { get; }

        public bool? IsMember { get; }

        public bool IsTransitive { get; set; } = true;

        public string Describe()
        {
            if (PreviousId is not { } previous)
            {
                return PackageId.ToString();
            }

            return PackageId.Source.IsGit && PackageId.Source.Precise is { } precise
                ? $"{previous} -> #{precise[..Math.Min(8, precise.Length)]}"
                : $"{previous} -> v{PackageId.Version}";
        }
    }
}
