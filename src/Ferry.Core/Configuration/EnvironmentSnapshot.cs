using System.Collections;
using System.Collections.Immutable;

namespace Ferry.Core.Configuration;

/// <summary>
/// The process environment, read once at start-up. Everything in Ferry that depends on an
/// environment variable asks this snapshot, so tests can run commands with a made-up
/// environment and nothing reads variables behind the configuration's back.
/// </summary>
public sealed class EnvironmentSnapshot
{
    public EnvironmentSnapshot(ImmutableDictionary<string, string> variables)
    {
        Variables = variables;
    }

    public ImmutableDictionary<string, string> Variables { get; }

    public static EnvironmentSnapshot Capture()
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                builder[key] = value;
            }
        }

        return new EnvironmentSnapshot(builder.ToImmutable());
    }

    public string? Get(string name) => Variables.TryGetValue(name, out var value) ? value : null;

    public EnvironmentSnapshot With(string name, string value) => new(Variables.SetItem(name, value));

    public EnvironmentSnapshot Without(string name) => new(Variables.Remove(name));
}
