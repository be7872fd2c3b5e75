using System.Text;
using Ferry.Cli.Args;

namespace Ferry.Cli.Commands;

/// <summary>The options accepted before the subcommand, and the overview help.</summary>
internal static class RootCommand
{
    public static readonly CommandSpec Spec = new("", "A Rust package manager and build system, compatible with Cargo")
    {
        Options =
        [
            new ArgSpec("version", ArgKind.Flag, "Print version info and exit") { Long = "version", Short = 'V' },
            new ArgSpec("list", ArgKind.Flag, "List installed commands") { Long = "list" },
            new ArgSpec("explain", ArgKind.Value, "Provide a detailed explanation of a rustc error message") { Long = "explain", ValueName = "CODE" },
            CommonOptions.Verbose,
            CommonOptions.Quiet,
            CommonOptions.Color,
            new ArgSpec("directory", ArgKind.Value, "Change to DIRECTORY before doing anything") { Short = 'C', ValueName = "DIRECTORY" },
            CommonOptions.Locked(null),
            CommonOptions.Offline(null),
            CommonOptions.Frozen(null),
            CommonOptions.Config,
            CommonOptions.Unstable,
            CommonOptions.Help,
        ],
        Positionals = [new PositionalSpec("command", "COMMAND", "The subcommand to run") { Trailing = true }],
        UsageOverride = "ferry [OPTIONS] [COMMAND]",
    };

    /// <summary>Commands shown in the overview, in Cargo's order, with Cargo's one-line descriptions.</summary>
    private static readonly (string Name, string Description)[] Overview =
    [
        ("build", "Compile the current package"),
        ("check", "Analyze the current package and report errors, but don't build object files"),
        ("clean", "Remove the target directory"),
        ("doc", "Build this package's and its dependencies' documentation"),
        ("new", "Create a new cargo package"),
        ("init", "Create a new cargo package in an existing directory"),
        ("add", "Add dependencies to a manifest file"),
        ("remove", "Remove dependencies from a manifest file"),
        ("run", "Run a binary or example of the local package"),
        ("test", "Run the tests"),
        ("bench", "Run the benchmarks"),
        ("update", "Update dependencies listed in Cargo.lock"),
        ("search", "Search registry for crates"),
        ("publish", "Package and upload this package to the registry"),
        ("install", "Install a Rust binary"),
        ("uninstall", "Uninstall a Rust binary"),
    ];

    public static string Help(CommandTable commands)
    {
        var text = new StringBuilder();
        text.Append("Rust's package manager, with supply-chain security built in\n\n");
        text.Append("Usage: ferry [OPTIONS] [COMMAND]\n\n");
        text.Append("Options:\n");
        var rows = new List<(string, string)>();
        var width = 0;
        foreach (var option in Spec.Options)
        {
            var left = HelpRenderer.OptionLeft(option);
            var help = option.PossibleValues is { } values ? $"{option.Help} [possible values: {string.Join(", ", values)}]" : option.Help;
            rows.Add((left, help));
            width = Math.Max(width, left.Length);
        }

        foreach (var (left, help) in rows)
        {
            text.Append("  ").Append(left.PadRight(width)).Append("  ").Append(help).Append('\n');
        }

        text.Append("\nCommands:\n");
        var entries = new List<(string Names, string Description)>();
        foreach (var (name, description) in Overview)
        {
            if (commands.Find(name) is { } command)
            {
                var names = command.Spec.Aliases.Count > 0 ? $"{name}, {string.Join(", ", command.Spec.Aliases)}" : name;
                entries.Add((names, description));
            }
        }

        entries.Add(("...", "See all commands with --list"));
        var nameWidth = 0;
        foreach (var (names, _) in entries)
        {
            nameWidth = Math.Max(nameWidth, names.Length);
        }

        foreach (var (names, description) in entries)
        {
            text.Append("    ").Append(names.PadRight(nameWidth)).Append("    ").Append(description).Append('\n');
        }

        text.Append("\nSee 'ferry help <command>' for more information on a specific command.\n");
        return text.ToString();
    }

    /// <summary>
    /// The <c>--list</c> output, as Cargo prints it: built-in commands and their aliases, user
    /// aliases (<c>alias: target</c>) and third-party <c>cargo-*</c> programs, sorted by name.
    /// </summary>
    public static string List(CommandTable commands, IReadOnlyDictionary<string, string>? userAliases = null, IEnumerable<string>? external = null)
    {
        var entries = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in external ?? [])
        {
            entries[name] = null;
        }

        foreach (var name in commands.Names)
        {
            var command = commands.Find(name)!;
            entries[name] = command.Spec.Name == name ? command.Spec.ListDescription ?? command.Spec.About : $"alias: {command.Spec.Name}";
        }

        foreach (var (name, target) in userAliases ?? new Dictionary<string, string>())
        {
            entries[name] = $"alias: {target}";
        }

        var text = new StringBuilder("Installed Commands:\n");
        foreach (var (name, description) in entries)
        {
            text.Append("    ").Append(description is null ? name : name.PadRight(21) + description).Append('\n');
        }

        return text.ToString();
    }
}
