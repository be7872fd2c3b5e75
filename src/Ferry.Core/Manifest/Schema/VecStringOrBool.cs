using System.Collections.Immutable;

namespace Ferry.Core.Manifest.Schema;

/// <summary><c>publish</c>: a boolean or a list of registry names.</summary>
public sealed record VecStringOrBool(ImmutableArray<string>? Strings, bool Bool)
{
    public static VecStringOrBool Of(ImmutableArray<string> values) => new(values, false);

    public static VecStringOrBool Of(bool value) => new(null, value);
}
