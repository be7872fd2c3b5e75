using System.Security.Cryptography;

namespace Ferry.Cli;

/// <summary>
/// Loads the platform's cryptography (OpenSSL) on another core while the command starts.
/// </summary>
/// <remarks>
/// The first SHA-256 of a run costs about 2 ms (loading libcrypto and initialising it), and
/// nearly every command hashes early: a registry's cache directory name, checksums, build
/// fingerprints. Done here it overlaps with start-up work that does not need it. The caller
/// waits for it before exiting, so the process never exits while OpenSSL is half initialised.
/// </remarks>
internal static class CryptoWarmup
{
    // Commands that never hash (or print and exit).
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "help", "version", "new", "init", "locate-project" };

    public static Task? Start(IReadOnlyList<string> args) =>
        LeadingCommand.Of(args) is { } command && !Skipped.Contains(command)
            ? Task.Run(static () => SHA256.HashData(ReadOnlySpan<byte>.Empty))
            : null;
}
