using System.Collections.Immutable;

namespace Ferry.Core.Archive;

/// <summary>
/// How a directory on disk differs from its recorded digest: files the digest lists that are
/// gone, files (or links, devices) that the digest does not list, and files whose size or
/// contents changed or that are no longer regular files. Each list is sorted like the digest.
/// </summary>
public sealed record TreeVerification(ImmutableArray<string> Missing, ImmutableArray<string> Extra, ImmutableArray<string> Changed)
{
    public bool IsIntact => Missing.IsEmpty && Extra.IsEmpty && Changed.IsEmpty;
}
