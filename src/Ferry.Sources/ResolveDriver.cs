using Ferry.Resolver;
using Ferry.Util.Diagnostics;

namespace Ferry.Sources;

/// <summary>
/// Runs the resolver against a <see cref="PackageRegistry"/> round by round: a round that met
/// data a source had not loaded ends without a result, every pending name of every source is
/// then loaded at once, and the next round starts with what was learnt (Cargo's
/// <c>block_until_ready</c> loop around its resolver).
/// </summary>
public static class ResolveDriver
{
    public static async Task<ResolveOutcome> ResolveAsync(PackageRegistry registry, ResolveRequest request, CancellationToken cancellationToken)
    {
        var resolver = new DependencyResolver(request);
        var rounds = 0;
        while (true)
        {
            rounds++;
            var resolve = resolver.RunRound();
            if (resolve is not null)
            {
                return new ResolveOutcome(resolve, rounds);
            }

            if (!registry.HasPending)
            {
                throw new FerryException("internal error: the resolver is waiting for data no source is loading");
            }

            await registry.LoadPendingAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
