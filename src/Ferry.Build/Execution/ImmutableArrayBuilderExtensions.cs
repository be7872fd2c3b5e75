using System.Collections.Immutable;

namespace Ferry.Build.Execution;

internal static class ImmutableArrayBuilderExtensions
{
    public static void AddRange(this ImmutableArray<string>.Builder builder, params string[] items)
    {
        foreach (var item in items)
        {
            builder.Add(item);
        }
    }
}
