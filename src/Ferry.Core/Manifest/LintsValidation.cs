using System.Collections.Immutable;
using Ferry.Core.Manifest.Schema;
using Ferry.Toml;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Manifest;

/// <summary>Cargo's <c>verify_lints</c> and <c>lints_to_rustflags</c>.</summary>
public static class LintsValidation
{
    private static readonly string[] Supported = ["cargo", "clippy", "rust", "rustdoc"];

    public static void Verify(TomlLints? lints, bool nightlyAllowed, List<string> warnings)
    {
        if (lints is null)
        {
            return;
        }

        foreach (var (tool, toolLints) in lints.Tools)
        {
            if (Array.IndexOf(Supported, tool) < 0)
            {
                warnings.Add(
                    $"unrecognized lint tool `lints.{tool}`, specifying unrecognized tools may break in the future.\nsupported tools: {string.Join(", ", Supported)}");
                continue;
            }

            if (tool == "cargo")
            {
                warnings.Add(nightlyAllowed
                    ? "unused manifest key `lints.cargo` (may be supported in a future version)\n\nconsider passing `-Zcargo-lints` to enable this feature."
                    : "unused manifest key `lints.cargo` (may be supported in a future version)\n\nthis Cargo does not support nightly features, but if you\nswitch to nightly channel you can pass\n`-Zcargo-lints` to enable this feature.");
            }

            foreach (var (name, lint) in toolLints)
            {
                var sep = name.IndexOf("::", StringComparison.Ordinal);
                if (sep >= 0)
                {
                    var prefix = name[..sep];
                    var suffix = name[(sep + 2)..];
                    if (tool == prefix || (tool == "rust" && Array.IndexOf(Supported, prefix) >= 0))
                    {
                        throw new FerryException($"`lints.{tool}.{name}` is not valid lint name; try `lints.{prefix}.{suffix}`");
                    }

                    throw new FerryException($"`lints.{tool}.{name}` is not a valid lint name");
                }

                if (lint.Config is { } config)
                {
                    foreach (var (key, _) in config)
                    {
                        if (!(tool == "rust" && name == "unexpected_cfgs" && key == "check-cfg"))
                        {
                            warnings.Add($"unused manifest key: `lints.{tool}.{name}.{key}`");
                        }
                    }
                }
            }
        }
    }

    /// <summary>The flags rustc gets, sorted by priority, then by lint name descending, plus any <c>check-cfg</c> values.</summary>
    public static ImmutableArray<string> ToRustflags(TomlLints lints)
    {
        var flags = new List<(sbyte Priority, string Name, string Option)>();
        foreach (var (tool, toolLints) in lints.Tools)
        {
            if (tool == "cargo")
            {
                continue;
            }

            foreach (var (name, lint) in toolLints)
            {
                var flag = lint.Level switch
                {
                    LintLevel.Forbid => "--forbid",
                    LintLevel.Deny => "--deny",
                    LintLevel.Warn => "--warn",
                    _ => "--allow",
                };
                flags.Add((lint.Priority, name, tool == "rust" ? $"{flag}={name}" : $"{flag}={tool}::{name}"));
            }
        }

        flags.Sort((a, b) =>
        {
            var c = a.Priority.CompareTo(b.Priority);
            if (c != 0)
            {
                return c;
            }

            c = string.CompareOrdinal(b.Name, a.Name);
            return c != 0 ? c : string.CompareOrdinal(a.Option, b.Option);
        });
        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var (_, _, option) in flags)
        {
            result.Add(option);
        }

        foreach (var (tool, toolLints) in lints.Tools)
        {
            if (tool != "rust")
            {
                continue;
            }

            foreach (var (name, lint) in toolLints)
            {
                if (name != "unexpected_cfgs" || lint.Config is not { } config)
                {
                    continue;
                }

                foreach (var (key, value) in config)
                {
                    if (key != "check-cfg")
                    {
                        continue;
                    }

                    if (value is not TomlArray array || array.Any(item => item is not TomlString))
                    {
                        throw new FerryException("`lints.rust.unexpected_cfgs.check-cfg` must be a list of string");
                    }

                    foreach (var item in array)
                    {
                        result.Add("--check-cfg");
                        result.Add(((TomlString)item).Value);
                    }
                }
            }
        }

        return result.ToImmutable();
    }
}
