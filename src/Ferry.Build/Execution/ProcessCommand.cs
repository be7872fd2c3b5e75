using System.Collections.Immutable;
using System.Text;

namespace Ferry.Build.Execution;

/// <summary>
/// A program to run with its arguments, working directory and environment changes (Cargo's
/// <c>ProcessBuilder</c>). The environment is the build's base environment (the captured process
/// environment) plus <see cref="Env"/>; a null value removes a variable. <see cref="ToString"/>
/// prints what <c>-v</c> shows: environment changes first when <see cref="DisplayEnv"/> is set
/// (<c>-vv</c>), values shell-quoted.
/// </summary>
public sealed record ProcessCommand
{
    public required string Program { get; init; }

    public ImmutableArray<string> Args { get; init; } = [];

    public string? Cwd { get; init; }

    /// <summary>Variables set (or, with a null value, removed) for the child, in the order they were set.</summary>
    public ImmutableSortedDictionary<string, string?> Env { get; init; } = ImmutableSortedDictionary<string, string?>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Variables set for the child but never shown (Cargo sets <c>CARGO_MAKEFLAGS</c> this way, when it starts the process).</summary>
    public ImmutableSortedDictionary<string, string> HiddenEnv { get; init; } = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Print the environment changes in <see cref="ToString"/> (Cargo's <c>display_env_vars</c>, used with <c>-vv</c>).</summary>
    public bool DisplayEnv { get; init; }

    public ProcessCommand Arg(string arg) => this with { Args = Args.Add(arg) };

    public ProcessCommand WithArgs(IEnumerable<string> args) => this with { Args = Args.AddRange(args) };

    public ProcessCommand WithEnv(string name, string? value) => this with { Env = Env.SetItem(name, value) };

    public string? GetEnv(string name) => Env.TryGetValue(name, out var value) ? value : null;

    public bool HasEnv(string name) => Env.ContainsKey(name);

    public override string ToString()
    {
        var text = new StringBuilder();
        if (DisplayEnv)
        {
            foreach (var (key, value) in Env)
            {
                if (value is not null)
                {
                    text.Append(key).Append('=').Append(ShellQuote(value)).Append(' ');
                }
            }
        }

        text.Append(Program);
        foreach (var arg in Args)
        {
            text.Append(' ').Append(ShellQuote(arg));
        }

        return text.ToString();
    }

    /// <summary>The <c>shell-escape</c> crate's Unix quoting, which Cargo uses for commands it shows.</summary>
    public static string ShellQuote(string value)
    {
        if (value.Length > 0 && value.All(IsAllowed))
        {
            return value;
        }

        var text = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            if (c is '\'' or '!')
            {
                text.Append("'\\").Append(c).Append('\'');
            }
            else
            {
                text.Append(c);
            }
        }

        return text.Append('\'').ToString();
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '=' or '/' or ',' or '.' or '+';
}
