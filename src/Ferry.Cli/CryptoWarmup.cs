using System.Security.Cryptography;

namespace Ferry.Cli;

/// <summary>
/// Loads the platform's cryptography (OpenSSL) on another core while the command starts.
/// </summary>
/// <remarks>
/// The first SHA-256 of a run costs about 2.5 ms (loading libcrypto and initialising it), and
/// the compiling commands hash early (build fingerprints, archive checks). Done here it overlaps
/// with start-up work that does not need it. The caller waits for it before exiting, so the
/// process never exits while OpenSSL is half initialised.
/// <para>
/// Not for the commands that resolve (<see cref="CollectionBudget.IsGraphCommand"/>): over plain
/// HTTP they hash nothing before their first request, and a warm-up still running then held up
/// the first request's start by ~1 ms (the HTTP stack's start-up waits on the same
/// initialisation); over HTTPS the TLS handshake loads OpenSSL when it is needed.
/// </para>
/// </remarks>
internal static class CryptoWarmup
{
    // Commands that never hash (or print and exit).
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "help", "version", "new", "init", "locate-project" };

    public static Task? Start(IReadOnlyList<string> args) =>
        LeadingCommand.Of(args) is { } command && !Skipped.Contains(command) && !CollectionBudget.IsGraphCommand(args)
            ? Task.Run(static () => SHA256.HashData(ReadOnlySpan<byte>.Empty))
            : null;
}
