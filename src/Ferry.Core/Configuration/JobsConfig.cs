using Ferry.Util.Diagnostics;

namespace Ferry.Core.Configuration;

/// <summary><c>build.jobs</c>: an integer (negative counts down from the CPU count) or the string <c>"default"</c>.</summary>
public sealed record JobsConfig(long? Integer, string? Text)
{
    /// <summary>The number of jobs to run, with Cargo's validation of the value.</summary>
    public int Resolve(int defaultParallelism)
    {
        if (Integer is { } count)
        {
            return count switch
            {
                0 => throw new FerryException("jobs may not be 0"),
                < 0 => (int)Math.Max(1, defaultParallelism + count),
                _ => (int)count,
            };
        }

        return Text == "default"
            ? defaultParallelism
            : throw new FerryException($"could not parse `{Text}`. Number of parallel jobs should be `default` or a number.");
    }
}
