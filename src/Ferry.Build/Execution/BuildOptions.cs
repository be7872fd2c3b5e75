using System.Collections.Immutable;
using Ferry.Build.Messages;
using Ferry.Build.Selection;
using Ferry.Util.Diagnostics;

namespace Ferry.Build.Execution;

/// <summary>How a build runs (Cargo's <c>BuildConfig</c> minus what the unit graph already holds).</summary>
public sealed record BuildOptions
{
    public int Jobs { get; init; } = Environment.ProcessorCount;

    public bool KeepGoing { get; init; }

    public MessageFormat MessageFormat { get; init; } = MessageFormat.Human;

    public UserIntent Intent { get; init; } = UserIntent.Build;

    public Verbosity Verbosity { get; init; } = Verbosity.Normal;

    /// <summary><c>cargo rustc -- ARGS</c> / <c>cargo rustdoc -- ARGS</c>: extra arguments for the root units.</summary>
    public ImmutableArray<string> ExtraArgs { get; init; } = [];

    /// <summary><c>cargo doc --document-private-items</c>: root doc units document private items (binaries always do).</summary>
    public bool DocumentPrivateItems { get; init; }

    /// <summary>Packages named on the command line (or the defaults): they get <c>CARGO_PRIMARY_PACKAGE</c>.</summary>
    public ImmutableHashSet<Core.Identity.PackageId> PrimaryPackages { get; init; } = [];

    /// <summary>The working directory of the command (paths in diagnostics are relative to it for members).</summary>
    public required string Cwd { get; init; }

    /// <summary>The path of the running executable, given to build scripts and rustc as <c>CARGO</c>.</summary>
    public required string CargoExe { get; init; }

    /// <summary>Whether a progress bar may be drawn (a terminal, <c>term.progress.when</c>).</summary>
    public bool Progress { get; init; }

    /// <summary>
    /// Runs once the freshness of every unit is known and before any job starts, with the
    /// packages of the units that will be compiled or run (none on a no-op build): the caller
    /// finishes verifying their sources there (see PackageDownloadOptions.DeferContentCheck).
    /// </summary>
    public Func<IReadOnlyCollection<Core.Identity.PackageId>, CancellationToken, Task>? BeforeCompiling { get; init; }

    public bool ExtraVerbose => Verbosity == Verbosity.VeryVerbose;

    public bool Verbose => Verbosity >= Verbosity.Verbose;
}
