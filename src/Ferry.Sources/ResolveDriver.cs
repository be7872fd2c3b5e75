using Ferry.Core.Resolution;
using Ferry.Resolver;
using Ferry.Util.Diagnostics;

namespace Ferry.Sources;

/// <summary>
/// Runs the resolver against a <see cref="PackageRegistry"/> round by round: a round that met
/// data a source had not loaded ends without a result, every pending name of every source is
/// then loaded at once, and the next round starts with what was learnt (Cargo's
/// <c>block_until_ready</c> loop around its resolver).
/// </summary>
/// <remarks>
/// Speculation. With a warm index cache, a load is mostly the server confirming files Ferry
/// already has (304 Not Modified), and the whole graph's cached copies are in hand as soon as the
/// requests are sent. So while the load is in flight, a fresh resolver runs one round on those
/// copies. When the load ends and every copy that round read was confirmed unchanged, its
/// result is exactly what the next real round would compute from the same data, and it is taken;
/// otherwise it is dropped and the real rounds go on as before. Speculation has no side effects
/// (see <see cref="PackageRegistry.Speculate"/>) and never reports errors: a failing speculative
/// round is dropped, and the real round reports the failure. Without cached copies in hand (a
/// cold cache) no speculative round is tried.
/// <para>
/// Errors as Cargo reports them. Cargo reports the first failure a round meets, even when other
/// index files are still on their way, so which of several failures it names depends on what it
/// had loaded by then. Prefetching loads files rounds earlier than Cargo would, and the first
/// failure met can then be another one. So when a resolve fails after prefetching, the rounds
/// are replayed on Cargo's schedule (<see cref="PackageRegistry.ReplayCargoSchedule"/>: a file
/// counts from the round after the one that first asked for it), mostly from files already
/// loaded, and the replay's failure is the one reported.
/// </para>
/// </remarks>
public static class ResolveDriver
{
    public static async Task<ResolveOutcome> ResolveAsync(PackageRegistry registry, ResolveRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await RunRoundsAsync(registry, request, replay: false, cancellationToken).ConfigureAwait(false);
        }
        catch (FerryException) when (registry.LoadedAhead)
        {
            registry.ReplayCargoSchedule(true);
            try
            {
                return await RunRoundsAsync(registry, request, replay: true, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                registry.ReplayCargoSchedule(false);
            }
        }
    }

    private static async Task<ResolveOutcome> RunRoundsAsync(PackageRegistry registry, ResolveRequest request, bool replay, CancellationToken cancellationToken)
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

            // Replaying, a round may wait only for files loaded already, which count from now on.
            var advanced = replay && registry.NextScheduledRound();
            if (!registry.HasPending)
            {
                if (advanced)
                {
                    continue;
                }

                throw new FerryException("internal error: the resolver is waiting for data no source is loading");
            }

            var load = registry.LoadPendingAsync(cancellationToken);
            if (replay || load.IsCompleted || !registry.CanSpeculate)
            {
                await load.ConfigureAwait(false);
                continue;
            }

            var speculative = Speculate(registry, request);
            await load.ConfigureAwait(false);
            var kept = speculative is not null && registry.SpeculationHeld;
            registry.Statistics.AddSpeculation(kept);
            if (kept)
            {
                return new ResolveOutcome(speculative!, rounds + 1);
            }
        }
    }

    private static Resolve? Speculate(PackageRegistry registry, ResolveRequest request)
    {
        registry.Speculate(true);
        try
        {
            return new DependencyResolver(request).RunRound();
        }
        catch (Exception error) when (error is FerryException or SpeculationAbandoned)
        {
            return null;
        }
        finally
        {
            registry.Speculate(false);
        }
    }
}
