using System.Diagnostics;

namespace Ferry.Cli;

/// <summary>When the process started, for the elapsed time in <c>Finished ... in 1.23s</c> (Cargo's invocation instant).</summary>
internal static class StartTime
{
    public static Stopwatch Stopwatch { get; } = Stopwatch.StartNew();
}
