using Ferry.Core.Identity;

namespace Ferry.Resolver;

/// <summary>An activation that failed because of another package: the resolver backtracks on it, users never see it.</summary>
internal sealed class ConflictException : Exception
{
    public ConflictException(PackageId conflictingWith, ConflictReason reason)
        : base($"conflict with {conflictingWith}: {reason.Kind}")
    {
        ConflictingWith = conflictingWith;
        Reason = reason;
    }

    public PackageId ConflictingWith { get; }

    public ConflictReason Reason { get; }
}
