using System.Collections.Immutable;
using Ferry.Core.Dependencies;

namespace Ferry.Resolver;

/// <summary>An activated package and the dependencies of it not yet activated (from <see cref="Offset"/> on).</summary>
internal sealed record DepsFrame(Summary Parent, bool JustForErrorMessages, ImmutableArray<DepInfo> Siblings, int Offset)
{
    /// <summary>Candidates of the next dependency: the most constrained frame is worked on first.</summary>
    public int MinCandidates => Offset < Siblings.Length ? Siblings[Offset].Candidates.Count : 0;

    public IEnumerable<DepInfo> Remaining
    {
        get
        {
            for (var i = Offset; i < Siblings.Length; i++)
            {
                yield return Siblings[i];
            }
        }
    }
}
