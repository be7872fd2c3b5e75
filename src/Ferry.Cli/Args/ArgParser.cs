using Ferry.Util.Text;

namespace Ferry.Cli.Args;

/// <summary>
/// Parses a subcommand's arguments with clap's conventions, since Cargo users type them that way:
/// <c>--long value</c>, <c>--long=value</c>, <c>-j2</c>, <c>-j 2</c>, clustered short flags
/// (<c>-vv</c>), <c>--</c> ending option parsing, optional values (<c>--bin</c> alone), and
/// clap's error wording (exit code 1).
/// </summary>
internal sealed class ArgParser
{
    private readonly CommandSpec _spec;
    private readonly string _programName;
    private readonly Dictionary<string, List<string?>> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _positionals = new(StringComparer.Ordinal);
    private readonly List<string> _trailing = [];

    public ArgParser(CommandSpec spec, string programName)
    {
        _spec = spec;
        _programName = programName;
    }

    public ParsedArgs Parse(IReadOnlyList<string> args)
    {
        var positionalIndex = 0;
        var inTrailingPositional = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (inTrailingPositional)
            {
                AddPositional(_spec.Positionals[positionalIndex], arg);
                continue;
            }

            if (arg == "--")
            {
                for (var j = i + 1; j < args.Count; j++)
                {
                    _trailing.Add(args[j]);
                }

                break;
            }

            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                i = ParseLong(args, i);
            }
            else if (arg.Length > 1 && arg[0] == '-')
            {
                i = ParseShortCluster(args, i);
            }
            else
            {
                if (positionalIndex >= _spec.Positionals.Count)
                {
                    throw Unexpected(arg);
                }

                var positional = _spec.Positionals[positionalIndex];
                AddPositional(positional, arg);
                if (positional.Trailing)
                {
                    inTrailingPositional = true;
                }
                else if (!positional.Multiple)
                {
                    positionalIndex++;
                }
            }
        }

        foreach (var positional in _spec.Positionals)
        {
            if (positional.Required && !_positionals.ContainsKey(positional.Id))
            {
                throw new ArgParseException(
                    $"the following required arguments were not provided:\n  {positional.DisplayName}",
                    Usage(includeRequiredOnly: true));
            }
        }

        return new ParsedArgs(_values, _positionals, _trailing);
    }

    private int ParseLong(IReadOnlyList<string> args, int index)
    {
        var arg = args[index];
        var body = arg.AsSpan(2);
        var eq = body.IndexOf('=');
        var name = eq >= 0 ? body[..eq].ToString() : body.ToString();
        string? inlineValue = eq >= 0 ? body[(eq + 1)..].ToString() : null;
        var spec = _spec.FindLong(name) ?? throw UnknownLong(arg, name);
        switch (spec.Kind)
        {
            case ArgKind.Flag or ArgKind.Count:
                if (inlineValue is not null)
                {
                    throw new ArgParseException(
                        $"unexpected value '{inlineValue}' for '{spec.DisplayName}' found; no more were expected",
                        Usage(includeRequiredOnly: false));
                }

                AddFlag(spec);
                return index;
            case ArgKind.Value:
                if (inlineValue is not null)
                {
                    AddValue(spec, inlineValue);
                    return index;
                }

                if (index + 1 >= args.Count || LooksLikeOption(args[index + 1]))
                {
                    throw MissingValue(spec);
                }

                AddValue(spec, args[index + 1]);
                return index + 1;
            default:
                if (inlineValue is not null)
                {
                    AddValue(spec, inlineValue);
                    return index;
                }

                if (index + 1 < args.Count && !LooksLikeOption(args[index + 1]) && args[index + 1] != "--")
                {
                    AddValue(spec, args[index + 1]);
                    return index + 1;
                }

                AddValue(spec, null);
                return index;
        }
    }

    private int ParseShortCluster(IReadOnlyList<string> args, int index)
    {
        var arg = args[index];
        for (var k = 1; k < arg.Length; k++)
        {
            var c = arg[k];
            var spec = _spec.FindShort(c) ?? throw UnknownShort(arg, c);
            if (spec.Kind is ArgKind.Flag or ArgKind.Count)
            {
                AddFlag(spec);
                continue;
            }

            // A value option takes the rest of the cluster (`-j2`, `-p=foo`) or the next argument.
            var rest = arg[(k + 1)..];
            if (rest.StartsWith('='))
            {
                rest = rest[1..];
            }

            if (rest.Length > 0)
            {
                AddValue(spec, rest);
                return index;
            }

            if (index + 1 < args.Count && !LooksLikeOption(args[index + 1]) && !(spec.Kind == ArgKind.OptionalValue && args[index + 1] == "--"))
            {
                AddValue(spec, args[index + 1]);
                return index + 1;
            }

            if (spec.Kind == ArgKind.OptionalValue)
            {
                AddValue(spec, null);
                return index;
            }

            throw MissingValue(spec);
        }

        return index;
    }

    private static bool LooksLikeOption(string arg) => arg.Length > 1 && arg[0] == '-' && !IsNumber(arg);

    private static bool IsNumber(string arg)
    {
        for (var i = 1; i < arg.Length; i++)
        {
            if (!char.IsAsciiDigit(arg[i]))
            {
                return false;
            }
        }

        return true;
    }

    private void AddFlag(ArgSpec spec)
    {
        if (spec.Kind == ArgKind.Flag && _values.ContainsKey(spec.Id))
        {
            throw new ArgParseException(
                $"the argument '{spec.DisplayName}' cannot be used multiple times",
                Usage(includeRequiredOnly: false));
        }

        GetList(spec.Id).Add(null);
    }

    private void AddValue(ArgSpec spec, string? value)
    {
        if (value is not null && spec.PossibleValues is { } possible
            && !possible.Any(p => string.Equals(p, value, spec.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)))
        {
            throw new ArgParseException(
                $"invalid value '{value}' for '{spec.DisplayName}'\n  [possible values: {string.Join(", ", possible)}]",
                usage: null);
        }

        var list = GetList(spec.Id);
        if (!spec.Multiple && list.Count > 0)
        {
            throw new ArgParseException(
                $"the argument '{spec.DisplayName}' cannot be used multiple times",
                Usage(includeRequiredOnly: false));
        }

        list.Add(value);
    }

    private void AddPositional(PositionalSpec spec, string value)
    {
        if (!_positionals.TryGetValue(spec.Id, out var list))
        {
            list = [];
            _positionals[spec.Id] = list;
        }

        list.Add(value);
    }

    private List<string?> GetList(string id)
    {
        if (!_values.TryGetValue(id, out var list))
        {
            list = [];
            _values[id] = list;
        }

        return list;
    }

    private static ArgParseException MissingValue(ArgSpec spec) =>
        new(
            $"a value is required for '{spec.DisplayName}' but none was supplied"
                + (spec.PossibleValues is { } values ? $"\n  [possible values: {string.Join(", ", values)}]" : string.Empty),
            usage: null);

    private ArgParseException Unexpected(string arg) =>
        new($"unexpected argument '{arg}' found", Usage(includeRequiredOnly: false));

    private ArgParseException UnknownLong(string arg, string name)
    {
        string? best = null;
        var bestScore = 0.7;
        foreach (var option in _spec.Options)
        {
            if (option.Long is null || option.Hidden)
            {
                continue;
            }

            var score = Jaro.Similarity(name, option.Long);
            if (score > bestScore)
            {
                best = option.Long;
                bestScore = score;
            }
        }

        if (best is not null)
        {
            // clap shows the usage with the suggested argument filled in.
            var suggested = _spec.FindLong(best)!;
            var usage = _spec.UsageOverride is null
                ? $"{_programName} {_spec.Name} {suggested.DisplayName}{(suggested.Kind == ArgKind.Count ? "..." : string.Empty)}"
                : Usage(includeRequiredOnly: false);
            return new ArgParseException($"unexpected argument '{arg}' found", usage, $"a similar argument exists: '--{best}'");
        }

        var tip = _spec.Positionals.Count > 0 && _spec.UsageOverride is null ? $"to pass '{arg}' as a value, use '-- {arg}'" : null;
        return new ArgParseException($"unexpected argument '{arg}' found", Usage(includeRequiredOnly: false), tip);
    }

    private ArgParseException UnknownShort(string arg, char c)
    {
        var shown = arg.Length == 2 ? arg : "-" + c;
        string? tip = _spec.Positionals.Count > 0 && _spec.UsageOverride is null ? $"to pass '{shown}' as a value, use '-- {shown}'" : null;
        return new ArgParseException($"unexpected argument '{shown}' found", Usage(includeRequiredOnly: false), tip);
    }

    private string Usage(bool includeRequiredOnly) => UsageLine.For(_spec, _programName, includeRequiredOnly);
}
