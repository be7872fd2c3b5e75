namespace Ferry.Resolver.Features;

/// <summary>
/// What a unit is compiled for: the host (no <c>--target</c>, and always for build scripts and
/// proc-macros) or an explicit target triple. Ordered as Cargo orders it (host first, then by
/// triple), which is the order <c>cargo tree</c> uses for otherwise equal nodes.
/// </summary>
public sealed record CompileKind : IComparable<CompileKind>
{
    private CompileKind(string? triple)
    {
        Triple = triple;
    }

    public static CompileKind Host { get; } = new((string?)null);

    /// <summary>The <c>--target</c> value; null for <see cref="Host"/>.</summary>
    public string? Triple { get; }

    public bool IsHost => Triple is null;

    public static CompileKind Target(string triple)
    {
        ArgumentException.ThrowIfNullOrEmpty(triple);
        return new CompileKind(triple);
    }

    public int CompareTo(CompileKind? other)
    {
        if (other is null)
        {
            return 1;
        }

        if (IsHost || other.IsHost)
        {
            return other.IsHost.CompareTo(IsHost);
        }

        return Math.Sign(string.CompareOrdinal(Triple, other.Triple));
    }

    public override string ToString() => Triple ?? "host";
}
