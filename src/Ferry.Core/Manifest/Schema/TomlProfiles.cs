using System.Collections.Immutable;

namespace Ferry.Core.Manifest.Schema;

/// <summary>The <c>[profile]</c> table: profiles by name, sorted.</summary>
public sealed record TomlProfiles(ImmutableArray<KeyValuePair<string, TomlProfile>> Profiles)
{
    public TomlProfile? Get(string name)
    {
        foreach (var (key, profile) in Profiles)
        {
            if (key == name)
            {
                return profile;
            }
        }

        return null;
    }
}
