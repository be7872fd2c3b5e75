namespace Ferry.Tests.Sources.Support;

/// <summary>A dependency as an index line writes it.</summary>
internal sealed record TestDep(string Name, string Req)
{
    public string Kind { get; init; } = "normal";

    public bool Optional { get; init; }

    public bool DefaultFeatures { get; init; } = true;

    public string[] Features { get; init; } = [];

    public string? Target { get; init; }

    public string? Package { get; init; }

    public string? Registry { get; init; }
}
