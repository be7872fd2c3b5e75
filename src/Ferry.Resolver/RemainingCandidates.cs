using Ferry.Core.Dependencies;

namespace Ferry.Resolver;

/// <summary>
/// Walks a dependency's candidates, skipping those that clash with what is active (recording
/// why), and looks one ahead so the caller knows whether a backtrack frame is worth saving.
/// </summary>
internal sealed class RemainingCandidates
{
    private readonly IReadOnlyList<Summary> _candidates;
    private int _offset;
    private Summary? _hasAnother;

    public RemainingCandidates(IReadOnlyList<Summary> candidates)
    {
        _candidates = candidates;
    }

    private RemainingCandidates(IReadOnlyList<Summary> candidates, int offset, Summary? hasAnother)
    {
        _candidates = candidates;
        _offset = offset;
        _hasAnother = hasAnother;
    }

    public RemainingCandidates Clone() => new(_candidates, _offset, _hasAnother);

    public (Summary Candidate, bool HasAnother)? Next(ConflictMap conflicting, ResolverContext cx)
    {
        while (_offset < _candidates.Count)
        {
            var b = _candidates[_offset++];
            var id = b.PackageId;
            if (cx.Activations.TryGetValue(ActivationsKey.Of(id), out var active) && active.Summary.PackageId != id)
            {
                conflicting.AddIfMissing(active.Summary.PackageId, ConflictReason.Semver);
                continue;
            }

            if (b.Links is { } link && cx.Links.TryGetValue(link, out var owner) && owner != id)
            {
                conflicting.AddIfMissing(owner, new ConflictReason(ConflictReasonKind.Links, link));
                continue;
            }

            var previous = _hasAnother;
            _hasAnother = b;
            if (previous is not null)
            {
                return (previous, true);
            }
        }

        if (_hasAnother is { } last)
        {
            _hasAnother = null;
            return (last, false);
        }

        return null;
    }
}
