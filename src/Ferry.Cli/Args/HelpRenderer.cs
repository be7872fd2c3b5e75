using System.Text;

namespace Ferry.Cli.Args;

/// <summary>
/// Renders help text in clap's layout (what <c>cargo build --help</c> prints): about, usage,
/// then one section per heading with the descriptions aligned within the section and wrapped
/// at 100 columns.
/// </summary>
internal static class HelpRenderer
{
    private const int Width = 100;

    public static string Render(CommandSpec spec, string programName)
    {
        var text = new StringBuilder();
        text.Append(spec.About).Append("\n\n");
        text.Append("Usage: ").Append(UsageLine.For(spec, programName, includeRequiredOnly: false)).Append('\n');

        if (spec.Positionals.Count > 0)
        {
            var rows = new List<(string Left, string Help)>();
            foreach (var positional in spec.Positionals)
            {
                var left = positional.Required ? positional.DisplayName : $"[{positional.ValueName}]" + (positional.Multiple || positional.Trailing ? "..." : string.Empty);
                rows.Add((left, positional.Help));
            }

            AppendSection(text, "Arguments", rows);
        }

        var headings = new List<string?>();
        foreach (var option in spec.Options)
        {
            if (!option.Hidden && !headings.Contains(option.Heading))
            {
                headings.Add(option.Heading);
            }
        }

        // The unnamed section always comes first, as clap prints "Options:" before custom headings.
        // A stable order: List.Sort is not, and custom headings keep their order of first use.
        foreach (var heading in headings.OrderBy(h => h is null ? 0 : 1))
        {
            var rows = new List<(string Left, string Help)>();
            foreach (var option in spec.Options)
            {
                if (option.Hidden || option.Heading != heading)
                {
                    continue;
                }

                rows.Add((OptionLeft(option), OptionHelp(option)));
            }

            AppendSection(text, heading ?? "Options", rows);
        }

        if (spec.AfterHelp is not null)
        {
            text.Append('\n').Append(spec.AfterHelp).Append('\n');
        }

        return text.ToString();
    }

    public static string OptionLeft(ArgSpec option)
    {
        var left = new StringBuilder();
        if (option.Short is { } s)
        {
            left.Append('-').Append(s);
            if (option.Long is not null)
            {
                left.Append(", ");
            }
        }
        else
        {
            left.Append("    ");
        }

        if (option.Long is not null)
        {
            left.Append("--").Append(option.Long);
        }

        switch (option.Kind)
        {
            case ArgKind.Value:
                // A repeatable option is not marked (cargo 1.95 shows `-Z <FLAG>`, `--config <KEY=VALUE|PATH>`).
                left.Append(" <").Append(option.ValueName).Append('>');
                break;
            case ArgKind.OptionalValue:
                left.Append(" [<").Append(option.ValueName).Append(">]");
                break;
            case ArgKind.Count:
                left.Append("...");
                break;
        }

        return left.ToString();
    }

    private static string OptionHelp(ArgSpec option) =>
        option.PossibleValues is { } values ? $"{option.Help} [possible values: {string.Join(", ", values)}]" : option.Help;

    private static void AppendSection(StringBuilder text, string title, List<(string Left, string Help)> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        text.Append('\n').Append(title).Append(":\n");
        var width = 0;
        foreach (var (left, _) in rows)
        {
            width = Math.Max(width, left.Length);
        }

        var column = 2 + width + 2;
        foreach (var (left, help) in rows)
        {
            var line = new StringBuilder();
            line.Append("  ").Append(left.PadRight(width)).Append("  ");
            AppendWrapped(line, help, column);

            // clap keeps the padding after an argument without help (`  <PATH>  `).
            text.Append(help.Length == 0 ? line.ToString() : line.ToString().TrimEnd()).Append('\n');
        }
    }

    private static void AppendWrapped(StringBuilder line, string help, int column)
    {
        var position = column;
        var first = true;
        foreach (var word in help.Split(' '))
        {
            if (!first && position + 1 + word.Length > Width)
            {
                line.Append('\n').Append(' ', column);
                position = column;
                first = true;
            }

            if (!first)
            {
                line.Append(' ');
                position++;
            }

            line.Append(word);
            position += word.Length;
            first = false;
        }
    }
}
