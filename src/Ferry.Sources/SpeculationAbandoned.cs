namespace Ferry.Sources;

/// <summary>
/// A speculative resolver round met something it may not do without side effects (create or
/// reload a source); the driver drops the round. Not a <see cref="Ferry.Util.Diagnostics.FerryException"/>,
/// so the resolver's error handling passes it through untouched.
/// </summary>
internal sealed class SpeculationAbandoned : Exception
{
    public SpeculationAbandoned()
        : base("speculative round abandoned")
    {
    }

    public static void ThrowIf(bool speculating)
    {
        if (speculating)
        {
            throw new SpeculationAbandoned();
        }
    }
}
