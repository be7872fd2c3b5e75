using Ferry.Util.Diagnostics;

namespace Ferry.Resolver;

/// <summary>A resolution failure with a message that explains the chain of requirements.</summary>
public sealed class ResolveException : FerryException
{
    public ResolveException(string message)
        : base(message)
    {
    }
}
