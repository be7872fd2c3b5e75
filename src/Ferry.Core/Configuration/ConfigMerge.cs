using System.Collections.Immutable;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Configuration;

/// <summary>
/// Cargo's merge rules for two layers of configuration (<c>ConfigValue::merge</c>):
/// <list type="bullet">
/// <item>tables merge key by key, keeping the existing table's definition;</item>
/// <item>scalars: the incoming value wins when <c>force</c> is set (later <c>--config</c>
/// arguments, includes) or when it has a higher-priority definition; otherwise the existing
/// (nearer) one stays — a scalar may change type;</item>
/// <item>arrays concatenate: with <c>force</c> the incoming items go last, otherwise first (the
/// farther file's items come before the nearer file's); then items are stably sorted by
/// priority so environment and CLI items end up last;</item>
/// <item>the lists Cargo treats as program paths (<see cref="IsNonMergeableList"/>) are replaced
/// whole instead, by the same "who wins" rule as scalars;</item>
/// <item>a table or array meeting a different type is an error.</item>
/// </list>
/// </summary>
/// <remarks>
/// Cargo 1.95–1.97 pushes each merged key onto the key path without popping it, so sibling keys
/// merged earlier (in hash order) can hide a non-mergeable list and it gets concatenated. Ferry
/// uses the intended path; the outcome only differs in that buggy case.
/// </remarks>
internal static class ConfigMerge
{
    /// <summary>Lists that name a program (plus its arguments): never concatenated.</summary>
    private static readonly string[] NonMergeableLists =
    [
        "credential-alias.*",
        "doc.browser",
        "host.runner",
        "registries.*.credential-provider",
        "registry.credential-provider",
        "target.*.runner",
    ];

    public static bool IsNonMergeableList(ConfigKey key)
    {
        foreach (var pattern in NonMergeableLists)
        {
            if (key.Matches(pattern))
            {
                return true;
            }
        }

        return false;
    }

    public static ConfigValue Merge(ConfigValue existing, ConfigValue incoming, bool force) =>
        Merge(existing, incoming, force, ConfigKey.Root);

    private static ConfigValue Merge(ConfigValue existing, ConfigValue incoming, bool force, ConfigKey key)
    {
        var higher = incoming.Definition.IsHigherPriority(existing.Definition);
        switch (existing, incoming)
        {
            case (ConfigList old, ConfigList @new):
            {
                ImmutableArray<ConfigValue> items;
                if (IsNonMergeableList(key))
                {
                    items = force || higher ? @new.Items : old.Items;
                }
                else
                {
                    items = force ? old.Items.AddRange(@new.Items) : @new.Items.AddRange(old.Items);
                }

                return new ConfigList(SortByPriority(items), old.Definition);
            }

            case (ConfigTable old, ConfigTable @new):
            {
                var entries = old.Entries.ToBuilder();
                foreach (var (name, value) in @new.Entries)
                {
                    if (entries.TryGetValue(name, out var current))
                    {
                        try
                        {
                            entries[name] = Merge(current, value, force, key.Push(name));
                        }
                        catch (FerryException error)
                        {
                            throw new FerryException(
                                $"failed to merge key `{name}` between {current.Definition} and {value.Definition}", error);
                        }
                    }
                    else
                    {
                        entries[name] = value;
                    }
                }

                return new ConfigTable(entries.ToImmutable(), old.Definition);
            }

            case (ConfigList or ConfigTable, _):
            case (_, ConfigList or ConfigTable):
                throw new FerryException(
                    $"failed to merge config value from `{incoming.Definition}` into `{existing.Definition}`: expected {existing.Description}, but found {incoming.Description}");

            default:
                return force || higher ? incoming : existing;
        }
    }

    /// <summary>A stable sort by definition priority (Cargo sorts with <c>sort_by</c>, which is stable).</summary>
    public static ImmutableArray<ConfigValue> SortByPriority(ImmutableArray<ConfigValue> items)
    {
        var sorted = true;
        for (var i = 1; i < items.Length; i++)
        {
            if (items[i].Definition.Rank < items[i - 1].Definition.Rank)
            {
                sorted = false;
                break;
            }
        }

        if (sorted)
        {
            return items;
        }

        return [.. items.Select((item, index) => (item, index))
            .OrderBy(pair => pair.item.Definition.Rank)
            .ThenBy(pair => pair.index)
            .Select(pair => pair.item)];
    }
}
