using System.Collections.Immutable;
using Ferry.Util.Diagnostics;
using Ferry.Util.Text;

namespace Ferry.Core.Dependencies;

/// <summary>
/// Builds a package's feature map the way Cargo's <c>Summary::new</c> does: the explicit
/// features, plus an implicit <c>name = ["dep:name"]</c> feature for every optional dependency
/// that no feature names with <c>dep:</c>, then validation of every reference with Cargo's
/// messages. Manifests and registry index lines go through the same checks; an index line that
/// fails them is an invalid candidate rather than an error.
/// </summary>
public static class FeatureMapBuilder
{
    private static readonly ImmutableSortedDictionary<string, ImmutableArray<FeatureValue>> Empty =
        ImmutableSortedDictionary.Create<string, ImmutableArray<FeatureValue>>(StringComparer.Ordinal);

    public static ImmutableSortedDictionary<string, ImmutableArray<FeatureValue>> Build(
        IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> features,
        IReadOnlyList<Dependency> dependencies)
    {
        // Most packages (and index lines) have no features and no optional dependencies.
        if (features.Count == 0 && !HasOptional(dependencies))
        {
            return Empty;
        }

        // Whether any dependency with this name (in any table) is optional.
        var depMap = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var dep in dependencies)
        {
            depMap[dep.NameInToml] = depMap.GetValueOrDefault(dep.NameInToml) | dep.Optional;
        }

        var declared = new HashSet<string>(StringComparer.Ordinal);
        var map = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<FeatureValue>>(StringComparer.Ordinal);
        foreach (var (name, values) in features)
        {
            declared.Add(name);
            var list = ImmutableArray.CreateBuilder<FeatureValue>(values.Count);
            foreach (var value in values)
            {
                list.Add(FeatureValue.Parse(value));
            }

            map[name] = list.MoveToImmutable();
        }

        var explicitlyListed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var values in map.Values)
        {
            foreach (var value in values)
            {
                if (value.Kind == FeatureValueKind.Dep)
                {
                    explicitlyListed.Add(value.Name);
                }
            }
        }

        foreach (var dep in dependencies)
        {
            var name = dep.NameInToml;
            if (dep.Optional && !declared.Contains(name) && !explicitlyListed.Contains(name))
            {
                map[name] = [FeatureValue.Dep(name)];
            }
        }

        foreach (var (feature, values) in map)
        {
            foreach (var value in values)
            {
                Validate(feature, value, map, declared, depMap, explicitlyListed);
            }
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var values in map.Values)
        {
            foreach (var value in values)
            {
                if (value.Kind != FeatureValueKind.Feature)
                {
                    used.Add(value.Name);
                }
            }
        }

        foreach (var (dep, optional) in depMap)
        {
            if (optional && !used.Contains(dep))
            {
                throw new FerryException(
                    $"optional dependency `{dep}` is not included in any feature\n"
                    + $"Make sure that `dep:{dep}` is included in one of features in the [features] table.");
            }
        }

        return map.ToImmutable();
    }

    private static bool HasOptional(IReadOnlyList<Dependency> dependencies)
    {
        for (var i = 0; i < dependencies.Count; i++)
        {
            if (dependencies[i].Optional)
            {
                return true;
            }
        }

        return false;
    }

    private static void Validate(
        string feature,
        FeatureValue value,
        ImmutableSortedDictionary<string, ImmutableArray<FeatureValue>>.Builder map,
        HashSet<string> declared,
        Dictionary<string, bool> depMap,
        HashSet<string> explicitlyListed)
    {
        var isAnyDep = depMap.TryGetValue(value.Name, out var isOptionalDep);
        switch (value.Kind)
        {
            case FeatureValueKind.Feature:
                if (declared.Contains(value.Name))
                {
                    return;
                }

                if (!isAnyDep)
                {
                    throw new FerryException(
                        $"feature `{feature}` includes `{value}` which is neither a dependency nor another feature"
                        + EditDistance.ClosestMessage(value.Name, declared, "feature"));
                }

                if (isOptionalDep)
                {
                    if (!map.ContainsKey(value.Name))
                    {
                        throw new FerryException(
                            $"feature `{feature}` includes `{value}`, but `{value.Name}` is an optional dependency without an implicit feature\n"
                            + $"Use `dep:{value.Name}` to enable the dependency.");
                    }
                }
                else
                {
                    throw new FerryException(
                        $"feature `{feature}` includes `{value}`, but `{value.Name}` is not an optional dependency\n"
                        + "A non-optional dependency of the same name is defined; consider adding `optional = true` to its definition.");
                }

                return;
            case FeatureValueKind.Dep:
                if (!isAnyDep)
                {
                    throw new FerryException($"feature `{feature}` includes `{value}`, but `{value.Name}` is not listed as a dependency");
                }

                if (!isOptionalDep)
                {
                    throw new FerryException(
                        $"feature `{feature}` includes `{value}`, but `{value.Name}` is not an optional dependency\n"
                        + "A non-optional dependency of the same name is defined; consider adding `optional = true` to its definition.");
                }

                return;
            default:
                if (value.DepFeature!.Contains('/'))
                {
                    throw new FerryException($"multiple slashes in feature `{value}` (included by feature `{feature}`) are not allowed");
                }

                if (value.Name.StartsWith("dep:", StringComparison.Ordinal))
                {
                    var stripped = value.Name[4..];
                    var hasOtherDep = explicitlyListed.Contains(stripped);
                    var isOptional = depMap.TryGetValue(stripped, out var optional) && optional;
                    var extra = value.Weak || hasOtherDep || !isOptional
                        ? string.Empty
                        : $"\nIf the intent is to avoid creating an implicit feature `{stripped}` for an optional dependency, then consider replacing this with two values:\n    \"dep:{stripped}\", \"{stripped}/{value.DepFeature}\"";
                    throw new FerryException($"feature `{feature}` includes `{value}` with both `dep:` and `/`\nTo fix this, remove the `dep:` prefix.{extra}");
                }

                if (!isAnyDep)
                {
                    throw new MissingFeatureDependencyException(feature, value);
                }

                if (value.Weak && !isOptionalDep)
                {
                    throw new FerryException(
                        $"feature `{feature}` includes `{value}` with a `?`, but `{value.Name}` is not an optional dependency\n"
                        + "A non-optional dependency of the same name is defined; consider removing the `?` or changing the dependency to be optional");
                }

                return;
        }
    }
}
