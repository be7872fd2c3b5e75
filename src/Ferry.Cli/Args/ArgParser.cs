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

    // Options in the order they were first given: clap shows them in the usage of some errors.
    private readonly List<ArgSpec> _used = [];

    // A value given as the next argument (`--vcs svn`) is checked against the possible values only
    // once the argument after it is accepted, so an unknown argument there is reported first, as clap does.
    private (ArgSpec Spec, string Value)? _pending;

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
                FlushPending();
                for (var j = i + 1; j < args.Count; j++)
                {
                    if (_spec.PositionalsAfterDoubleDash)
                    {
                        if (positionalIndex >= _spec.Positionals.Count)
                        {
                            throw Unexpected(args[j]);
                        }

                        AddPositional(_spec.Positionals[positionalIndex], args[j]);
                        if (!_spec.Positionals[positionalIndex].Multiple)
                        {
                            positionalIndex++;
                        }
                    }
                    else
                    {
                        _trailing.Add(args[j]);
                    }
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
                if (positionalIndex >= _spec.Positionals.Count || _spec.Positionals[positionalIndex].Last)
                {
                    throw Unexpected(arg);
                }

                FlushPending();
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

        FlushPending();
        foreach (var positional in _spec.Positionals)
        {
            // clap answers `--help` before it checks that required arguments were given.
            if (positional.Required && !_values.ContainsKey("help") && !_positionals.ContainsKey(positional.Id))
            {
                throw new ArgParseException(
                    $"the following required arguments were not provided:\n  {positional.DisplayName}",
                    UsedUsage(fallbackToFull: false));
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
        FlushPending();
        RefuseSuggested(spec);
        switch (spec.Kind)
        {
            case ArgKind.Flag or ArgKind.Count:
                if (inlineValue is not null)
                {
                    MarkUsed(spec);
                    throw new ArgParseException(
                        $"unexpected value '{inlineValue}' for '{spec.DisplayName}' found; no more were expected",
                        UsedUsage(fallbackToFull: true));
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

                AddValue(spec, args[index + 1], deferCheck: true);
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
            FlushPending();
            RefuseSuggested(spec);
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

    private void MarkUsed(ArgSpec spec)
    {
        if (!_used.Contains(spec))
        {
            _used.Add(spec);
        }
    }

    private void RefuseSuggested(ArgSpec spec)
    {
        if (spec.SuggestInstead is { } instead)
        {
            throw new ArgParseException(
                $"unexpected argument '--{spec.Long}' found",
                Usage(includeRequiredOnly: false),
                $"a similar argument exists: '{instead}'");
        }
    }

    private void FlushPending()
    {
        if (_pending is { } pending)
        {
            _pending = null;
            CheckPossible(pending.Spec, pending.Value);
        }
    }

    private static void CheckPossible(ArgSpec spec, string value)
    {
        if (spec.PossibleValues is { } possible
            && !possible.Any(p => string.Equals(p, value, spec.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)))
        {
            // clap suggests the most similar value (the last of equally similar ones).
            string? best = null;
            var bestScore = 0.7;
            foreach (var candidate in possible)
            {
                var score = Jaro.Similarity(value, candidate);
                if (score > bestScore || (best is not null && score == bestScore))
                {
                    best = candidate;
                    bestScore = score;
                }
            }

            throw new ArgParseException(
                $"invalid value '{value}' for '{spec.DisplayName}'\n  [possible values: {string.Join(", ", possible)}]",
                usage: null,
                best is null ? null : $"a similar value exists: '{best}'");
        }
    }

    private void AddFlag(ArgSpec spec)
    {
        if (spec.Kind == ArgKind.Flag && _values.ContainsKey(spec.Id))
        {
            throw new ArgParseException(
                $"the argument '{spec.DisplayName}' cannot be used multiple times",
                Usage(includeRequiredOnly: false));
        }

        MarkUsed(spec);
        GetList(spec.Id).Add(null);
    }

    private void AddValue(ArgSpec spec, string? value, bool deferCheck = false)
    {
        if (value is not null && spec.ValueDelimiter is { } delimiter)
        {
            var pieces = value.Split(delimiter);
            foreach (var piece in pieces)
            {
                CheckPossible(spec, piece);
            }

            var values = GetList(spec.Id);
            if (!spec.Multiple && values.Count > 0)
            {
                throw new ArgParseException(
                    $"the argument '{spec.DisplayName}' cannot be used multiple times",
                    Usage(includeRequiredOnly: false));
            }

            MarkUsed(spec);
            values.AddRange(pieces);
            return;
        }

        if (value is not null)
        {
            if (deferCheck)
            {
                _pending = (spec, value);
            }
            else
            {
                CheckPossible(spec, value);
            }
        }

        MarkUsed(spec);
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
            // clap shows the usage with the arguments given so far and the suggested one filled in.
            MarkUsed(_spec.FindLong(best)!);
            return new ArgParseException($"unexpected argument '{arg}' found", UsedUsage(fallbackToFull: true), $"a similar argument exists: '--{best}'");
        }

        var tip = _spec.Positionals.Count > 0 && _spec.UsageOverride is null ? $"to pass '{arg}' as a value, use '-- {arg}'" : null;
        return new ArgParseException($"unexpected argument '{arg}' found", UsedUsage(fallbackToFull: true), tip);
    }

    private ArgParseException UnknownShort(string arg, char c)
    {
        var shown = arg.Length == 2 ? arg : "-" + c;
        string? tip = _spec.Positionals.Count > 0 && _spec.UsageOverride is null ? $"to pass '{shown}' as a value, use '-- {shown}'" : null;
        return new ArgParseException($"unexpected argument '{shown}' found", Usage(includeRequiredOnly: false), tip);
    }

    private string Usage(bool includeRequiredOnly) => UsageLine.For(_spec, _programName, includeRequiredOnly);

    /// <summary>clap's usage built from the arguments given so far; without any, the full or required-only usage.</summary>
    private string UsedUsage(bool fallbackToFull) =>
        (_used.Count == 0 && _positionals.Count == 0) || _spec.UsageOverride is not null
            ? Usage(includeRequiredOnly: !fallbackToFull)
            : UsageLine.ForUsed(_spec, _programName, _used, id => _positionals.ContainsKey(id));
}
