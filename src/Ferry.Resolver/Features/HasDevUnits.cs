namespace Ferry.Resolver.Features;

/// <summary>Whether the command builds any unit that uses dev-dependencies (tests, examples, benches).</summary>
public enum HasDevUnits
{
    No,
    Yes,
}
