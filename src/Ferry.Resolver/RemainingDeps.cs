using System.Collections.Immutable;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;

namespace Ferry.Resolver;

/// <summary>
/// The frames with dependencies left to activate, ordered so the next dependency taken is the
/// one with the fewest candidates (frames only kept for error messages first, then by
/// candidate count, then by insertion order). Persistent, for cheap backtrack frames.
/// </summary>
internal sealed class RemainingDeps
{
    private static readonly IComparer<(DepsFrame Frame, int Time)> Order = Comparer<(DepsFrame Frame, int Time)>.Create((a, b) =>
    {
        var c = b.Frame.JustForErrorMessages.CompareTo(a.Frame.JustForErrorMessages);
        if (c != 0)
        {
            return c;
        }

        c = a.Frame.MinCandidates.CompareTo(b.Frame.MinCandidates);
        return c != 0 ? c : a.Time.CompareTo(b.Time);
    });

    public static readonly RemainingDeps Empty = new(0, ImmutableSortedSet.Create(Order));

    private readonly int _time;
    private readonly ImmutableSortedSet<(DepsFrame Frame, int Time)> _data;

    private RemainingDeps(int time, ImmutableSortedSet<(DepsFrame Frame, int Time)> data)
    {
        _time = time;
        _data = data;
    }

    public RemainingDeps Push(DepsFrame frame) => new(_time + 1, _data.Add((frame, _time)));

    /// <summary>Takes the next dependency of the most constrained frame (frames with nothing left are dropped).</summary>
    public RemainingDeps PopMostConstrained(out (bool JustForErrorMessages, Summary Parent, DepInfo Dep)? next)
    {
        var data = _data;
        while (data.Count > 0)
        {
            var (frame, time) = data.Min;
            data = data.Remove((frame, time));
            if (frame.Offset < frame.Siblings.Length)
            {
                var sibling = frame.Siblings[frame.Offset];
                data = data.Add((frame with { Offset = frame.Offset + 1 }, time));
                next = (frame.JustForErrorMessages, frame.Parent, sibling);
                return new RemainingDeps(_time, data);
            }
        }

        next = null;
        return new RemainingDeps(_time, data);
    }

    /// <summary>Every (parent, dependency) still waiting.</summary>
    public IEnumerable<(PackageId Parent, Dependency Dependency)> Iter()
    {
        foreach (var (frame, _) in _data)
        {
            foreach (var dep in frame.Remaining)
            {
                yield return (frame.Parent.PackageId, dep.Dependency);
            }
        }
    }
}
