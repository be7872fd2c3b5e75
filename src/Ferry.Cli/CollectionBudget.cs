namespace Ferry.Cli;

/// <summary>
/// How much a command may allocate before its first garbage collection.
/// </summary>
/// <remarks>
/// A command runs for a short time and keeps most of what it reads (manifests, index files, the
/// resolver's state) until it exits, so every collection copies live objects and finds little to
/// free: a warm resolve of the top-400 crates.io workspace allocates ~790 MB, and its eleven
/// collections over a live heap of up to 400 MB took about as much CPU as the resolve itself
/// (1.7 s of CPU with them, 0.9 s without). Commands that resolve a dependency graph therefore start
/// in a no-GC region of up to 1 GiB (a quarter of the memory the GC may use, on small machines);
/// the others get 96 MiB, which costs nothing measurable at start-up. A command that allocates
/// more simply leaves the region and gets ordinary collections from then on. The price is memory:
/// such a command's peak equals what it allocated, not what it kept.
/// <para>
/// The compiling commands get the small region: committing the large one costs 5-9 ms before
/// the command starts, while a no-op build of the 256-package project allocates ~46 MB in all
/// (its resolve starts from Cargo.lock), about a twentieth of a no-op build's whole time saved.
/// A build that must resolve a large graph from scratch leaves the region and collects.
/// </para>
/// <para>
/// The graph commands size their region from the lockfile they will find, when there is one:
/// committing 1 GiB costs ~2 ms (a GC region of 4 MB at a time), a twentieth of a warm
/// <c>generate-lockfile</c> of the 256-package project, which allocates ~9 MB. A resolve
/// allocates per package in the graph, most for crates with long histories: ~35 KB each for the
/// Debian-crate registry, ~200 KB for the top-400 crates.io workspace. The region is 512 KB per
/// locked package, within the bounds above; without a lockfile it is the full 1 GiB.
/// </para>
/// </remarks>
internal static class CollectionBudget
{
    private const long Small = 96L << 20;
    private const long Large = 1L << 30;

    // Commands whose main work is resolving (reading registry indexes), not compiling.
    private static readonly HashSet<string> GraphCommands = new(StringComparer.Ordinal)
    {
        "generate-lockfile", "update", "tree", "metadata", "fetch", "vendor", "add", "remove",
        "package", "publish", "audit", "sbom",
    };

    private const long PerLockedPackage = 512L << 10;

    public static long For(IReadOnlyList<string> args)
    {
        if (!IsGraphCommand(args))
        {
            return Small;
        }

        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        var large = available > 0 ? Math.Clamp(available / 4, Small, Large) : Small;
        return LockfileHint.PackageCount(args) is { } packages ? Math.Clamp(packages * PerLockedPackage, Small, large) : large;
    }

    internal static bool IsGraphCommand(IReadOnlyList<string> args) =>
        LeadingCommand.Of(args) is { } command && GraphCommands.Contains(command);
}
