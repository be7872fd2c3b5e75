using System.Text;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Manifest;

/// <summary>
/// The <c>glob</c> crate (0.3) as Cargo uses it for <c>workspace.members</c>: <c>?</c>, <c>*</c>,
/// <c>**</c>, <c>[...]</c> and <c>[!...]</c>, case-sensitive, hidden entries matched by wildcards,
/// results depth-first with each directory's entries in byte order, and its error texts.
/// </summary>
public static class WorkspaceGlob
{
    private enum TokenKind
    {
        Char,
        AnyChar,
        AnySequence,
        AnyRecursive,
        AnyWithin,
        AnyExcept,
    }

    private readonly record struct Token(TokenKind Kind, int Char, IReadOnlyList<(int From, int To)>? Set);

    private sealed record Pattern(List<Token> Tokens, bool IsRecursive);

    /// <summary>Matches for an absolute pattern, or Cargo's "could not parse pattern" error.</summary>
    public static IReadOnlyList<string> Expand(string pattern)
    {
        try
        {
            Compile(pattern);
            var rest = pattern.TrimStart('/');
            var root = rest.Length < pattern.Length ? "/" : ".";
            var parts = new List<string>(rest.Split('/'));
            if (parts.Count > 0 && parts[^1].Length == 0)
            {
                // str::split_terminator: a trailing separator does not make an empty last part.
                parts.RemoveAt(parts.Count - 1);
            }

            var components = new List<Pattern>(parts.Count + 1);
            foreach (var part in parts)
            {
                components.Add(Compile(part));
            }

            if (rest.Length == 0)
            {
                components.Add(new Pattern([], false));
            }

            return Walk(root, [.. components], requireDir: pattern.EndsWith('/'));
        }
        catch (PatternException e)
        {
            throw new FerryException($"could not parse pattern `{pattern}`", new FerryException(e.Message));
        }
    }

    private sealed class PatternException(string message) : Exception(message);

    private static Pattern Compile(string pattern)
    {
        var chars = new List<int>();
        foreach (var rune in pattern.EnumerateRunes())
        {
            chars.Add(rune.Value);
        }

        var tokens = new List<Token>();
        var recursive = false;
        var i = 0;
        while (i < chars.Count)
        {
            switch (chars[i])
            {
                case '?':
                    tokens.Add(new Token(TokenKind.AnyChar, 0, null));
                    i++;
                    break;
                case '*':
                    var old = i;
                    while (i < chars.Count && chars[i] == '*')
                    {
                        i++;
                    }

                    var n = i - old;
                    if (n > 2)
                    {
                        throw Error(old + 2, "wildcards are either regular `*` or recursive `**`");
                    }

                    if (n == 2)
                    {
                        if (i == 2 || chars[i - n - 1] == '/')
                        {
                            if (i < chars.Count && chars[i] == '/')
                            {
                                i++;
                            }
                            else if (i != chars.Count)
                            {
                                throw Error(i, "recursive wildcards must form a single path component");
                            }
                        }
                        else
                        {
                            throw Error(old - 1, "recursive wildcards must form a single path component");
                        }

                        if (!(tokens.Count > 1 && tokens[^1].Kind == TokenKind.AnyRecursive))
                        {
                            recursive = true;
                            tokens.Add(new Token(TokenKind.AnyRecursive, 0, null));
                        }
                    }
                    else
                    {
                        tokens.Add(new Token(TokenKind.AnySequence, 0, null));
                    }

                    break;
                case '[':
                    if (i + 4 <= chars.Count && chars[i + 1] == '!')
                    {
                        var j = chars.IndexOf(']', i + 3);
                        if (j >= 0)
                        {
                            tokens.Add(new Token(TokenKind.AnyExcept, 0, Specifiers(chars.GetRange(i + 2, j - (i + 2)))));
                            i = j + 1;
                            break;
                        }
                    }
                    else if (i + 3 <= chars.Count && chars[i + 1] != '!')
                    {
                        var j = chars.IndexOf(']', i + 2);
                        if (j >= 0)
                        {
                            tokens.Add(new Token(TokenKind.AnyWithin, 0, Specifiers(chars.GetRange(i + 1, j - (i + 1)))));
                            i = j + 1;
                            break;
                        }
                    }

                    throw Error(i, "invalid range pattern");
                default:
                    tokens.Add(new Token(TokenKind.Char, chars[i], null));
                    i++;
                    break;
            }
        }

        return new Pattern(tokens, recursive);
    }

    private static PatternException Error(int position, string message) =>
        new($"Pattern syntax error near position {position}: {message}");

    private static List<(int, int)> Specifiers(List<int> chars)
    {
        var list = new List<(int, int)>();
        var i = 0;
        while (i < chars.Count)
        {
            if (i + 3 <= chars.Count && chars[i + 1] == '-')
            {
                list.Add((chars[i], chars[i + 2]));
                i += 3;
            }
            else
            {
                list.Add((chars[i], chars[i]));
                i++;
            }
        }

        return list;
    }

    private static IReadOnlyList<string> Walk(string scope, Pattern[] patterns, bool requireDir)
    {
        var results = new List<string>();
        var todo = new Stack<(string Path, int Index)>();

        // The crate checks every literal component on the way down; when they are all literal (the
        // usual `members = ["crates/foo"]`), or up to the first wildcard, checking where the literal
        // part ends is the same answer with one system call instead of two per level.
        var literal = 0;
        var prefix = scope;
        while (literal < patterns.Length && Literal(patterns[literal]) is { } part)
        {
            prefix = prefix == "." ? part : Join(prefix, part);
            literal++;
        }

        if (literal == patterns.Length)
        {
            if (File.Exists(prefix) || Directory.Exists(prefix))
            {
                if (!requireDir || Directory.Exists(prefix))
                {
                    results.Add(prefix);
                }
            }

            return results;
        }

        if (literal > 0)
        {
            if (!Directory.Exists(prefix))
            {
                return results;
            }

            FillTodo(todo, patterns, literal, prefix);
        }
        else
        {
            FillTodo(todo, patterns, 0, scope);
        }
        while (todo.Count > 0)
        {
            var (path, idx) = todo.Pop();
            if (idx == -1)
            {
                if (requireDir && !Directory.Exists(path))
                {
                    continue;
                }

                results.Add(path);
                continue;
            }

            if (patterns[idx].IsRecursive)
            {
                var next = idx;
                while (next + 1 < patterns.Length && patterns[next + 1].IsRecursive)
                {
                    next++;
                }

                if (Directory.Exists(path))
                {
                    FillTodo(todo, patterns, next, path);
                    if (next == patterns.Length - 1)
                    {
                        results.Add(path);
                        continue;
                    }

                    idx = next + 1;
                }
                else if (next == patterns.Length - 1)
                {
                    continue;
                }
                else
                {
                    idx = next + 1;
                }
            }

            if (Matches(patterns[idx], Path.GetFileName(path)))
            {
                if (idx == patterns.Length - 1)
                {
                    if (!requireDir || Directory.Exists(path))
                    {
                        results.Add(path);
                    }
                }
                else
                {
                    FillTodo(todo, patterns, idx + 1, path);
                }
            }
        }

        return results;
    }

    private static void FillTodo(Stack<(string, int)> todo, Pattern[] patterns, int idx, string path)
    {
        var pattern = patterns[idx];
        var isDir = Directory.Exists(path);
        var curdir = path == ".";
        if (Literal(pattern) is { } literal)
        {
            var special = literal is "." or "..";
            var next = curdir ? literal : Join(path, literal);
            if ((special && isDir) || (!special && (File.Exists(next) || Directory.Exists(next))))
            {
                Add(todo, patterns, idx, next);
            }

            return;
        }

        if (!isDir)
        {
            return;
        }

        string[] children;
        try
        {
            children = Directory.GetFileSystemEntries(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FerryException($"unable to match path to pattern `{path}`", e);
        }

        var names = new string[children.Length];
        for (var i = 0; i < children.Length; i++)
        {
            names[i] = Path.GetFileName(children[i]);
        }

        Array.Sort(names, CompareBytes);
        for (var i = names.Length - 1; i >= 0; i--)
        {
            todo.Push((curdir ? names[i] : Join(path, names[i]), idx));
        }

        if (pattern.Tokens.Count > 0 && pattern.Tokens[0] is { Kind: TokenKind.Char, Char: '.' })
        {
            foreach (var special in new[] { ".", ".." })
            {
                if (Matches(pattern, special))
                {
                    Add(todo, patterns, idx, Join(path, special));
                }
            }
        }
    }

    private static void Add(Stack<(string, int)> todo, Pattern[] patterns, int idx, string next)
    {
        if (idx + 1 == patterns.Length)
        {
            todo.Push((next, -1));
        }
        else
        {
            FillTodo(todo, patterns, idx + 1, next);
        }
    }

    private static string Join(string path, string name) =>
        name.Length == 0 ? path + "/" : path.EndsWith('/') ? path + name : path + "/" + name;

    private static string? Literal(Pattern pattern)
    {
        var text = new StringBuilder();
        foreach (var token in pattern.Tokens)
        {
            if (token.Kind != TokenKind.Char)
            {
                return null;
            }

            text.Append(char.ConvertFromUtf32(token.Char));
        }

        return text.ToString();
    }

    private static int CompareBytes(string a, string b) => string.CompareOrdinal(a, b);

    private static bool Matches(Pattern pattern, string name)
    {
        var chars = new List<int>();
        foreach (var rune in name.EnumerateRunes())
        {
            chars.Add(rune.Value);
        }

        return MatchFrom(pattern.Tokens, 0, chars, 0, true) == MatchResult.Match;
    }

    private enum MatchResult
    {
        Match,
        SubPatternDoesntMatch,
        EntirePatternDoesntMatch,
    }

    private static MatchResult MatchFrom(List<Token> tokens, int ti, List<int> file, int fi, bool followsSeparator)
    {
        for (var t = ti; t < tokens.Count; t++)
        {
            var token = tokens[t];
            if (token.Kind is TokenKind.AnySequence or TokenKind.AnyRecursive)
            {
                var m = MatchFrom(tokens, t + 1, file, fi, followsSeparator);
                if (m != MatchResult.SubPatternDoesntMatch)
                {
                    return m;
                }

                while (fi < file.Count)
                {
                    var c = file[fi++];
                    followsSeparator = c == '/';
                    if (token.Kind == TokenKind.AnyRecursive && !followsSeparator)
                    {
                        continue;
                    }

                    m = MatchFrom(tokens, t + 1, file, fi, followsSeparator);
                    if (m != MatchResult.SubPatternDoesntMatch)
                    {
                        return m;
                    }
                }

                // Every remaining tail failed.
                return MatchResult.EntirePatternDoesntMatch;
            }

            if (fi >= file.Count)
            {
                return MatchResult.EntirePatternDoesntMatch;
            }

            var ch = file[fi++];
            var ok = token.Kind switch
            {
                TokenKind.AnyChar => true,
                TokenKind.AnyWithin => InSet(token.Set!, ch),
                TokenKind.AnyExcept => !InSet(token.Set!, ch),
                _ => ch == token.Char,
            };
            if (!ok)
            {
                return MatchResult.SubPatternDoesntMatch;
            }

            followsSeparator = ch == '/';
        }

        return fi >= file.Count ? MatchResult.Match : MatchResult.SubPatternDoesntMatch;
    }

    private static bool InSet(IReadOnlyList<(int From, int To)> set, int c)
    {
        foreach (var (from, to) in set)
        {
            if (c >= from && c <= to)
            {
                return true;
            }
        }

        return false;
    }
}
