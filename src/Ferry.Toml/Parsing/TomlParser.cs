using Ferry.Toml.Syntax;

namespace Ferry.Toml.Parsing;

/*
 * Design of the TOML parser
 * =========================
 *
 * One parser serves both readers (the manifest and lockfile loaders, which want values with positions) and
 * editors (`ferry add/remove/init`, which must change one line and leave every other byte alone, like Rust's
 * toml_edit). So there is one model: the document is a list of *sections* (the root lines, then one per
 * `[header]` / `[[header]]`), each a list of `key = value` lines; every key and value keeps its *decor*, the
 * whitespace and comments around it, as slices (ReadOnlyMemory) of the source text. Printing the sections in
 * order therefore gives back the source exactly, and an edit replaces just the nodes it concerns. Nothing of
 * the source is copied while parsing except decoded strings and key names; trivia is never materialised.
 *
 * Positions: every key and value records its span (UTF-16 offsets). Lines and columns are computed only when
 * asked for, from a lazily built line-start index (TomlDocument.GetPosition), so parsing stays a single pass.
 *
 * Errors: the texts and positions follow toml-rs (the `toml` crate cargo uses), so Ferry prints what cargo
 * prints. toml-rs lexes into tokens, parses the token stream into events (reporting *syntax* errors), then
 * builds tables from the events (reporting *decoding and semantic* errors: bad escapes, numbers, dates,
 * duplicate keys), then deserializes (reporting *range* errors: integer overflow). It reports every error and
 * cargo shows the first, so the first error is the first syntax error if there is one, otherwise the first
 * semantic error in document order, otherwise the first range error. This parser mirrors toml-rs's lexer and
 * grammar functions token for token, but in a single pass: a syntax error is thrown on the spot (nothing can
 * come before it), a semantic error is remembered and the parse carries on checking syntax only, and range
 * errors are remembered separately. That keeps the happy path free of any error bookkeeping.
 *
 * Robustness: nesting of arrays/inline tables and key length are bounded by TomlParseOptions.MaxDepth (80,
 * toml-rs's limit), which also bounds the recursion of this parser and of the writer; every scan is linear.
 *
 * TOML version: we implement TOML 1.0 as the Ferry issue demands, although cargo 1.95's toml crate
 * implements 1.1. The four 1.1 extensions (newlines/comments and trailing commas in inline tables, \e and \x
 * escapes, optional seconds) are rejected unless switched on in TomlParseOptions.
 */

/// <summary>Parses TOML text into a lossless <see cref="TomlDocument"/> (see the design notes at the top of this file).</summary>
internal sealed class TomlParser
{
    private readonly string _text;
    private readonly TomlParseOptions _options;
    private readonly Lexer _lexer;
    private readonly ErrorSink _errors = new();
    private readonly ErrorSink _deferred = new();
    private readonly TomlDocument _document;

    // Up to three tokens pushed back or peeked at (toml-rs's parser looks two ahead and seeks back one).
    private readonly Token[] _ahead = new Token[4];
    private int _aheadCount;

    // toml-rs reports some errors after "the previous significant token"; we track the last two so that
    // pushing a token back can restore the previous value.
    private Token _lastSignificant;
    private Token _lastSignificantBefore;
    private Token _lastNonWhitespace;
    private Token _lastNonWhitespaceBefore;

    private int _depth;
    private int _triviaStart;

    private readonly TomlTable _root;
    private TomlTable _currentTable;
    private Section _currentSection;
    private PendingArrayTable? _pendingArray;
    private readonly List<KeySegment> _segments = new();
    private readonly NameTable _names = new();

    private TomlParser(string text, TomlParseOptions options)
    {
        _text = text;
        _options = options;
        int start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        _lexer = new Lexer(text, start);
        _triviaStart = start;
        _document = new TomlDocument(text, start);
        _root = _document.Root;
        _currentTable = _root;
        _currentSection = _document.Sections[0];
    }

    public static TomlDocument Parse(string text, TomlParseOptions options)
    {
        RejectUnpairedSurrogates(text);
        var parser = new TomlParser(text, options);
        parser.ParseDocument();
        return parser._document;
    }

    private bool Failed => _errors.HasError;

    /// <summary>
    /// A TOML file is UTF-8, so it cannot hold half of a surrogate pair; a .NET string can. Bytes are validated
    /// when they are decoded; text handed over as a string is checked here (a vectorised scan for surrogates).
    /// </summary>
    private static void RejectUnpairedSurrogates(string text)
    {
        var span = text.AsSpan();
        int i = span.IndexOfAnyInRange('\uD800', '\uDFFF');
        while (i >= 0)
        {
            if (!char.IsHighSurrogate(span[i]) || i + 1 >= span.Length || !char.IsLowSurrogate(span[i + 1]))
            {
                throw new TomlParseException("invalid UTF-16 text: unpaired surrogate", new TomlSpan(i, 1), text);
            }
            int next = span[(i + 2)..].IndexOfAnyInRange('\uD800', '\uDFFF');
            i = next < 0 ? -1 : i + 2 + next;
        }
    }

    // ------------------------------------------------------------------ token stream

    private Token Next()
    {
        Token t;
        if (_aheadCount > 0)
        {
            t = _ahead[0];
            _aheadCount--;
            for (int i = 0; i < _aheadCount; i++)
            {
                _ahead[i] = _ahead[i + 1];
            }
        }
        else
        {
            t = _lexer.Next();
        }
        _lastSignificantBefore = _lastSignificant;
        _lastNonWhitespaceBefore = _lastNonWhitespace;
        if (t.Kind is not (TokenKind.Whitespace or TokenKind.Comment or TokenKind.Newline or TokenKind.Eof))
        {
            _lastSignificant = t;
        }
        if (t.Kind != TokenKind.Whitespace)
        {
            _lastNonWhitespace = t;
        }
        return t;
    }

    private Token Peek(int n = 0)
    {
        while (_aheadCount <= n)
        {
            _ahead[_aheadCount++] = _lexer.Next();
        }
        return _ahead[n];
    }

    /// <summary>toml-rs's <c>seek(-1)</c>: only ever used right after <see cref="Next"/>.</summary>
    private void PushBack(Token t)
    {
        for (int i = _aheadCount; i > 0; i--)
        {
            _ahead[i] = _ahead[i - 1];
        }
        _ahead[0] = t;
        _aheadCount++;
        _lastSignificant = _lastSignificantBefore;
        _lastNonWhitespace = _lastNonWhitespaceBefore;
    }

    private bool NextIf(TokenKind kind, out Token token)
    {
        if (Peek().Kind == kind)
        {
            token = Next();
            return true;
        }
        token = default;
        return false;
    }

    private void OptWhitespace()
    {
        if (Peek().Kind == TokenKind.Whitespace)
        {
            Next();
        }
    }

    private TomlParseException Syntax(string message, int start, int length = 0)
        => new(message, new TomlSpan(start, length), _text);

    // ------------------------------------------------------------------ document

    private void ParseDocument()
    {
        while (true)
        {
            Token t = Next();
            switch (t.Kind)
            {
                case TokenKind.LeftSquareBracket:
                    OnTable(t);
                    break;
                case TokenKind.RightSquareBracket:
                    throw Syntax("missing table open, expected `[`", t.Start);
                case TokenKind.LiteralString:
                case TokenKind.BasicString:
                case TokenKind.MlLiteralString:
                case TokenKind.MlBasicString:
                case TokenKind.Atom:
                    OnExpressionKey(t);
                    break;
                case TokenKind.Equals:
                    _segments.Clear();
                    AddFakeKey(t.Start);
                    OnExpressionKeyValSep(t, _triviaStart);
                    break;
                case TokenKind.Dot:
                    OnExpressionDot(t);
                    break;
                case TokenKind.Comma:
                case TokenKind.RightCurlyBracket:
                case TokenKind.LeftCurlyBracket:
                    throw Syntax("invalid key-value pair, expected key", t.Start);
                case TokenKind.Whitespace:
                    break;
                case TokenKind.Newline:
                    ValidateNewline(t);
                    break;
                case TokenKind.Comment:
                    OnComment(t);
                    break;
                case TokenKind.Eof:
                    FinishPendingArray();
                    _document.TrailingRaw = _text.AsMemory(_triviaStart);
                    if (_errors.HasError)
                    {
                        throw _errors.ToException(_text);
                    }
                    if (_deferred.HasError)
                    {
                        throw _deferred.ToException(_text);
                    }
                    return;
            }
        }
    }

    private void OnTable(Token open)
    {
        int prefixStart = _triviaStart;
        bool isArray = NextIf(TokenKind.LeftSquareBracket, out Token secondOpen);
        int keysStart = isArray ? secondOpen.End : open.End;
        OptWhitespace();
        _segments.Clear();
        bool validKey = Key();
        OptWhitespace();

        if (NextIf(TokenKind.RightSquareBracket, out Token close))
        {
            int closeEnd = close.End;
            if (isArray)
            {
                if (!NextIf(TokenKind.RightSquareBracket, out Token close2))
                {
                    throw Syntax("unclosed array table, expected `]`", close.End);
                }
                closeEnd = close2.End;
            }
            // toml-rs attaches a pending [[array]] element before it decodes the next header's keys.
            FinishPendingArray();
            var keys = BuildKeys(keysStart, close.Start);
            var (suffixEnd, newline) = WsCommentNewline();
            var table = TomlTable.NewSectionTable(_document);
            table.SetSource(_text, open.Start, closeEnd - open.Start);
            table.Node.SetSourcePrefix(open.Start - prefixStart);
            table.Node.SetSourceSuffix(suffixEnd - closeEnd);
            var section = new Section(table, keys.ToArray(), isArray) { HeaderNewline = newline };
            table.Section = section;
            _document.Sections.Add(section);
            _currentSection = section;
            _triviaStart = suffixEnd + newline.Length;
            if (isArray)
            {
                StartArrayTable(keys, table);
            }
            else
            {
                StartTable(keys, table);
            }
            return;
        }

        if (validKey)
        {
            int at = _lastNonWhitespace.End;
            throw Syntax(isArray ? "unclosed array table, expected `]]`" : "unclosed table, expected `]`", at);
        }

        // The key was cut short by a structural token. toml-rs reports nothing here: decoding the empty key
        // does ("unquoted keys cannot be empty"). The rest of the line is skipped; the document is doomed, so
        // later lines go to a section that is never printed.
        FinishPendingArray();
        BuildKeys(keysStart, Peek().Start);
        IgnoreToNewline();
        var orphan = TomlTable.NewSectionTable(_document);
        var placeholder = new Section(orphan, [], isArray);
        orphan.Section = placeholder;
        _currentSection = placeholder;
        _currentTable = orphan;
        _triviaStart = Peek().Start;
    }

    /// <summary>toml-rs's <c>key()</c>: a possibly dotted key; false when it had to invent an empty part.</summary>
    private bool Key()
    {
        while (true)
        {
            Token t = Next();
            switch (t.Kind)
            {
                case TokenKind.RightSquareBracket:
                case TokenKind.Comment:
                case TokenKind.Equals:
                case TokenKind.Comma:
                case TokenKind.LeftSquareBracket:
                case TokenKind.LeftCurlyBracket:
                case TokenKind.RightCurlyBracket:
                case TokenKind.Newline:
                case TokenKind.Eof:
                    AddFakeKey(t.Start);
                    PushBack(t);
                    return false;
                case TokenKind.Whitespace:
                    continue;
                case TokenKind.Dot:
                    AddFakeKey(t.Start);
                    AddDot(t);
                    continue;
                default:
                    AddKey(t);
                    return OptDotKeys();
            }
        }
    }

    /// <summary>toml-rs's <c>opt_dot_keys</c>: the <c>.part</c>s after a first key part.</summary>
    private bool OptDotKeys()
    {
        OptWhitespace();
        while (Peek().Kind == TokenKind.Dot)
        {
            AddDot(Next());
            bool gotKey = false;
            while (!gotKey)
            {
                Token t = Next();
                switch (t.Kind)
                {
                    case TokenKind.Equals:
                    case TokenKind.Comma:
                    case TokenKind.LeftSquareBracket:
                    case TokenKind.RightSquareBracket:
                    case TokenKind.LeftCurlyBracket:
                    case TokenKind.RightCurlyBracket:
                    case TokenKind.Comment:
                    case TokenKind.Newline:
                    case TokenKind.Eof:
                        AddFakeKey(t.Start);
                        PushBack(t);
                        return false;
                    case TokenKind.Whitespace:
                        continue;
                    case TokenKind.Dot:
                        AddFakeKey(t.Start);
                        AddDot(t);
                        continue;
                    default:
                        AddKey(t);
                        OptWhitespace();
                        gotKey = true;
                        break;
                }
            }
        }
        return true;
    }

    private void OnExpressionKey(Token keyToken)
    {
        int prefixStart = _triviaStart;
        _segments.Clear();
        AddKey(keyToken);
        OptDotKeys();
        OptWhitespace();
        if (!NextIf(TokenKind.Equals, out Token eq))
        {
            throw Syntax("key with no value, expected `=`", Peek().Start);
        }
        OnExpressionKeyValSep(eq, prefixStart);
    }

    private void OnExpressionDot(Token dot)
    {
        int prefixStart = _triviaStart;
        _segments.Clear();
        AddFakeKey(dot.Start);
        PushBack(dot);
        OptDotKeys();
        OptWhitespace();
        if (!NextIf(TokenKind.Equals, out Token eq))
        {
            throw Syntax("missing value for key, expected `=`", Peek().Start);
        }
        OnExpressionKeyValSep(eq, prefixStart);
    }

    private void OnExpressionKeyValSep(Token eq, int prefixStart)
    {
        var keys = BuildKeys(prefixStart, eq.Start, line: true);
        OptWhitespace();
        TomlValue value = Value();
        int valueEnd = value.SpanStart + value.SpanLength;
        var (suffixEnd, newline) = WsCommentNewline();
        value.Node.SetSourcePrefix(value.SpanStart - eq.End);
        value.Node.SetSourceSuffix(suffixEnd - valueEnd);
        var statement = (KeyValueSyntax)keys.Leaf;
        statement.DottedPrefix = keys.Prefix;
        statement.Value = value;
        statement.Newline = newline;
        _currentSection.Items.Add(statement);
        _triviaStart = suffixEnd + newline.Length;
        CaptureKeyValue(keys, value, statement);
    }

    /// <summary>After a value or header: whitespace, an optional comment, then a newline or the end.</summary>
    private (int SuffixEnd, ReadOnlyMemory<char> Newline) WsCommentNewline()
    {
        while (true)
        {
            Token t = Next();
            switch (t.Kind)
            {
                case TokenKind.Whitespace:
                    continue;
                case TokenKind.Comment:
                    {
                        ValidateComment(t);
                        Token after = Next();
                        if (after.Kind == TokenKind.Newline)
                        {
                            ValidateNewline(after);
                            return (after.Start, _text.AsMemory(after.Start, after.Length));
                        }
                        if (after.Kind == TokenKind.Eof)
                        {
                            return (after.Start, ReadOnlyMemory<char>.Empty);
                        }
                        throw Syntax("unexpected content between comment and newline, expected newline", after.Start);
                    }
                case TokenKind.Newline:
                    ValidateNewline(t);
                    return (t.Start, _text.AsMemory(t.Start, t.Length));
                case TokenKind.Eof:
                    return (t.Start, ReadOnlyMemory<char>.Empty);
                default:
                    throw Syntax("unexpected key or value, expected newline, `#`", t.Start);
            }
        }
    }

    private void OnComment(Token comment)
    {
        ValidateComment(comment);
        Token t = Next();
        if (t.Kind == TokenKind.Newline)
        {
            ValidateNewline(t);
        }
        else if (t.Kind != TokenKind.Eof)
        {
            throw Syntax("unexpected content between comment and newline, expected newline", t.Start);
        }
    }

    /// <summary>toml-rs's recovery after a broken header: skip to the end of the line, still validating trivia.</summary>
    private void IgnoreToNewline()
    {
        while (true)
        {
            Token t = Next();
            switch (t.Kind)
            {
                case TokenKind.Comment:
                    OnComment(t);
                    return;
                case TokenKind.Newline:
                    ValidateNewline(t);
                    return;
                case TokenKind.Eof:
                    PushBack(t);
                    return;
                default:
                    continue;
            }
        }
    }

    private void ValidateComment(Token t)
    {
        var span = _text.AsSpan(t.Start, t.Length);
        for (int i = 0; i < span.Length; i++)
        {
            if (!CharClass.IsCommentChar(span[i]))
            {
                throw Syntax("invalid comment character, expected printable characters", t.Start + i);
            }
        }
    }

    private void ValidateNewline(Token t)
    {
        if (t.Length == 1 && _text[t.Start] == '\r')
        {
            throw Syntax("carriage return must be followed by newline, expected newline", t.End);
        }
    }

    // ------------------------------------------------------------------ values

    private TomlValue Value()
    {
        Token t = Next();
        if (t.Kind == TokenKind.Equals)
        {
            throw Syntax("extra `=`, expected nothing", t.Start, t.Length);
        }
        switch (t.Kind)
        {
            case TokenKind.Comment:
            case TokenKind.Comma:
            case TokenKind.Newline:
            case TokenKind.Eof:
            case TokenKind.Whitespace:
                PushBack(t);
                return Scalar(t.Start, t.Start, TokenKind.Atom);
            case TokenKind.LeftCurlyBracket:
                return InlineTable(t);
            case TokenKind.RightCurlyBracket:
                throw Syntax("missing inline table opening, expected `{`", t.Start);
            case TokenKind.LeftSquareBracket:
                return Array(t);
            case TokenKind.RightSquareBracket:
                throw Syntax("missing array opening, expected `[`", t.Start);
            default:
                return OnScalar(t);
        }
    }

    /// <summary>An unquoted scalar swallows following dots and atoms, and "space + atom" (for <c>1979-05-27 07:32:00</c>).</summary>
    private TomlValue OnScalar(Token t)
    {
        int end = t.End;
        if (t.Kind is TokenKind.Dot or TokenKind.Atom)
        {
            while (true)
            {
                Token next = Peek();
                if (next.Kind is TokenKind.Dot or TokenKind.Atom)
                {
                    end = Next().End;
                }
                else if (next.Kind == TokenKind.Whitespace && Peek(1).Kind == TokenKind.Atom)
                {
                    Next();
                    end = Next().End;
                }
                else
                {
                    break;
                }
            }
            return Scalar(t.Start, end, TokenKind.Atom);
        }
        return Scalar(t.Start, end, t.Kind);
    }

    private TomlValue Scalar(int start, int end, TokenKind kind)
    {
        TomlValue value;
        if (Failed)
        {
            // Only syntax is still being checked; the value will never be seen.
            value = new TomlString("", TomlStringStyle.Basic);
        }
        else
        {
            value = kind switch
            {
                TokenKind.BasicString => new TomlString(IsPlain(start, end, '"', CharClass.BasicSpecial) ? null : StringDecoder.DecodeBasic(_text, start, end, _errors, _options), TomlStringStyle.Basic),
                TokenKind.LiteralString => new TomlString(IsPlain(start, end, '\'', CharClass.LiteralSpecial) ? null : StringDecoder.DecodeLiteral(_text, start, end, _errors), TomlStringStyle.Literal),
                TokenKind.MlBasicString => new TomlString(StringDecoder.DecodeMlBasic(_text, start, end, _errors, _options), TomlStringStyle.MultiLineBasic),
                TokenKind.MlLiteralString => new TomlString(StringDecoder.DecodeMlLiteral(_text, start, end, _errors), TomlStringStyle.MultiLineLiteral),
                _ => ScalarDecoder.Decode(_text, start, end, _errors, _deferred, _options),
            };
        }
        value.SetSource(_text, start, end - start);
        return value;
    }

    /// <summary>A one-line string with its closing quote and nothing to unescape or reject: its value is its inside.</summary>
    private bool IsPlain(int start, int end, char quote, System.Buffers.SearchValues<char> special)
        => end - start >= 2 && _text[end - 1] == quote && _text.AsSpan(start + 1, end - start - 2).IndexOfAny(special) < 0;

    private void EnterDepth(Token open)
    {
        if (++_depth > _options.MaxDepth)
        {
            throw Syntax("cannot recurse further; max recursion depth met", open.Start, open.Length);
        }
    }

    private TomlArray Array(Token open)
    {
        EnterDepth(open);
        var items = RentList();
        int elementStart = open.End;
        TomlValue? pending = null;
        int pendingEnd = 0;
        bool needsComma = false;
        while (true)
        {
            Token t = Next();
            switch (t.Kind)
            {
                case TokenKind.Comment:
                    OnComment(t);
                    continue;
                case TokenKind.Whitespace:
                    continue;
                case TokenKind.Newline:
                    ValidateNewline(t);
                    continue;
                case TokenKind.Eof:
                    throw Syntax("unclosed array, expected `]`", _lastSignificant.End);
                case TokenKind.Comma:
                    if (!needsComma)
                    {
                        throw Syntax("extra comma in array, expected value", t.Start, t.Length);
                    }
                    pending!.Node.SetSourceSuffix(t.Start - pendingEnd);
                    items.Add(pending);
                    pending = null;
                    elementStart = t.End;
                    needsComma = false;
                    continue;
                case TokenKind.Equals:
                    throw Syntax("unexpected `=` in array, expected value, `]`", t.Start, t.Length);
                case TokenKind.RightCurlyBracket:
                    if (needsComma)
                    {
                        throw Syntax("missing comma between array elements, expected `,`", t.Start);
                    }
                    throw Syntax("missing inline table opening, expected `{`", t.Start);
                case TokenKind.RightSquareBracket:
                    {
                        ReadOnlyMemory<char> trailing = ReadOnlyMemory<char>.Empty;
                        if (pending is not null)
                        {
                            pending.Node.SetSourceSuffix(t.Start - pendingEnd);
                            items.Add(pending);
                        }
                        else
                        {
                            trailing = _text.AsMemory(elementStart, t.Start - elementStart);
                        }
                        var elements = items.Count == 0 ? [] : items.ToArray();
                        foreach (var item in elements)
                        {
                            item.Attached = true;
                        }
                        var array = new TomlArray(elements, trailing, pending is null && elements.Length > 0);
                        ReturnList(items);
                        array.SetSource(_text, open.Start, t.End - open.Start);
                        _depth--;
                        return array;
                    }
                default:
                    {
                        if (needsComma)
                        {
                            throw Syntax("missing comma between array elements, expected `,`", t.Start);
                        }
                        TomlValue value = t.Kind switch
                        {
                            TokenKind.LeftCurlyBracket => InlineTable(t),
                            TokenKind.LeftSquareBracket => Array(t),
                            _ => OnScalar(t),
                        };
                        value.Node.SetSourcePrefix(value.SpanStart - elementStart);
                        pending = value;
                        pendingEnd = value.SpanStart + value.SpanLength;
                        needsComma = true;
                        continue;
                    }
            }
        }
    }

    // Element lists are reused across arrays (one per nesting level in use) and copied out at the end.
    private readonly Stack<List<TomlValue>> _lists = new();

    private List<TomlValue> RentList() => _lists.Count > 0 ? _lists.Pop() : new List<TomlValue>();

    private void ReturnList(List<TomlValue> list)
    {
        list.Clear();
        _lists.Push(list);
    }

    private enum InlineState
    {
        NeedsKey,
        NeedsEquals,
        NeedsValue,
        NeedsComma,
    }

    private static string Expected(InlineState state) => state switch
    {
        InlineState.NeedsKey => "key",
        InlineState.NeedsEquals => "`=`",
        InlineState.NeedsValue => "value",
        _ => "`,`",
    };

    private TomlTable InlineTable(Token open)
    {
        EnterDepth(open);
        var table = TomlTable.NewInline();
        var items = table.InlineItems!;
        int itemStart = open.End;
        var state = InlineState.NeedsKey;
        KeyPath keys = default;
        int eqEnd = 0;
        TomlValue? value = null;
        int valueEnd = 0;
        int lastComma = -1;
        TomlParseException? version10Error = null;
        while (true)
        {
            Token t = Next();
            switch (t.Kind)
            {
                case TokenKind.Comment:
                    // TOML 1.1 allows comments and newlines inside inline tables, TOML 1.0 does not. The 1.0 error
                    // is raised when the table closes, so that an error cargo (1.1) would report comes first.
                    if (!_options.AllowNewlinesInInlineTables && version10Error is null)
                    {
                        version10Error = Syntax($"comments are not allowed in inline tables in TOML 1.0, expected {Expected(state)}", t.Start);
                    }
                    OnComment(t);
                    if (!_options.AllowNewlinesInInlineTables && version10Error is null)
                    {
                        version10Error = Syntax($"newlines are not allowed in inline tables in TOML 1.0, expected {Expected(state)}", t.End);
                    }
                    continue;
                case TokenKind.Whitespace:
                    continue;
                case TokenKind.Newline:
                    if (!_options.AllowNewlinesInInlineTables && version10Error is null)
                    {
                        version10Error = Syntax($"newlines are not allowed in inline tables in TOML 1.0, expected {Expected(state)}", t.Start);
                    }
                    ValidateNewline(t);
                    continue;
                case TokenKind.Eof:
                    throw Syntax("unclosed inline table, expected `}`", _lastSignificant.End);
                case TokenKind.Comma:
                    if (state != InlineState.NeedsComma)
                    {
                        throw Syntax($"extra comma in inline table, expected {Expected(state)}", t.Start);
                    }
                    value!.Node.SetSourceSuffix(t.Start - valueEnd);
                    FinishInlineItem(table, items, keys, value);
                    value = null;
                    itemStart = t.End;
                    lastComma = t.Start;
                    state = InlineState.NeedsKey;
                    continue;
                case TokenKind.Equals:
                    switch (state)
                    {
                        case InlineState.NeedsKey:
                            _segments.Clear();
                            AddFakeKey(t.Start);
                            keys = BuildKeys(itemStart, t.Start, line: true);
                            break;
                        case InlineState.NeedsEquals:
                            keys = BuildKeys(itemStart, t.Start, line: true);
                            break;
                        default:
                            throw Syntax($"extra assignment between key-value pairs, expected {Expected(state)}", t.Start);
                    }
                    eqEnd = t.End;
                    state = InlineState.NeedsValue;
                    continue;
                case TokenKind.LeftCurlyBracket:
                case TokenKind.LeftSquareBracket:
                    switch (state)
                    {
                        case InlineState.NeedsKey:
                        case InlineState.NeedsComma:
                            throw Syntax($"missing key for inline table element, expected {Expected(state)}", t.Start);
                        case InlineState.NeedsEquals:
                            throw Syntax("missing assignment between key-value pairs, expected `=`", t.Start);
                    }
                    value = t.Kind == TokenKind.LeftCurlyBracket ? InlineTable(t) : Array(t);
                    value.Node.SetSourcePrefix(value.SpanStart - eqEnd);
                    valueEnd = value.SpanStart + value.SpanLength;
                    state = InlineState.NeedsComma;
                    continue;
                case TokenKind.RightSquareBracket:
                    if (state == InlineState.NeedsValue)
                    {
                        throw Syntax("missing array opening, expected `[`", t.Start);
                    }
                    throw Syntax($"invalid inline table element, expected {Expected(state)}", t.Start);
                case TokenKind.RightCurlyBracket:
                    {
                        if (version10Error is not null)
                        {
                            throw version10Error;
                        }
                        ReadOnlyMemory<char> trailing = ReadOnlyMemory<char>.Empty;
                        switch (state)
                        {
                            case InlineState.NeedsKey:
                                if (items.Count > 0 && !_options.AllowTrailingCommaInInlineTables)
                                {
                                    throw Syntax("trailing comma in inline table is not allowed in TOML 1.0, expected key", lastComma, 1);
                                }
                                trailing = _text.AsMemory(itemStart, t.Start - itemStart);
                                break;
                            case InlineState.NeedsEquals:
                            case InlineState.NeedsValue:
                                // toml-rs invents an empty literal string here; decoding it reports the error.
                                if (state == InlineState.NeedsEquals)
                                {
                                    keys = BuildKeys(itemStart, t.Start, line: true);
                                    eqEnd = t.Start;
                                }
                                value = Scalar(t.Start, t.Start, TokenKind.LiteralString);
                                value.Node.SetSourcePrefix(t.Start - eqEnd);
                                value.Node.SetSourceSuffix(0);
                                FinishInlineItem(table, items, keys, value);
                                break;
                            case InlineState.NeedsComma:
                                value!.Node.SetSourceSuffix(t.Start - valueEnd);
                                FinishInlineItem(table, items, keys, value);
                                break;
                        }
                        table.InlineTrailing = trailing;
                        table.InlineTrailingComma = state == InlineState.NeedsKey && items.Count > 0;
                        table.SetSource(_text, open.Start, t.End - open.Start);
                        _depth--;
                        return table;
                    }
                default:
                    switch (state)
                    {
                        case InlineState.NeedsKey:
                            _segments.Clear();
                            if (t.Kind == TokenKind.Dot)
                            {
                                AddFakeKey(t.Start);
                                PushBack(t);
                            }
                            else
                            {
                                AddKey(t);
                            }
                            OptDotKeys();
                            state = InlineState.NeedsEquals;
                            continue;
                        case InlineState.NeedsEquals:
                            throw Syntax("missing assignment between key-value pairs, expected `=`", t.Start);
                        case InlineState.NeedsValue:
                            value = OnScalar(t);
                            value.Node.SetSourcePrefix(value.SpanStart - eqEnd);
                            valueEnd = value.SpanStart + value.SpanLength;
                            state = InlineState.NeedsComma;
                            continue;
                        default:
                            throw Syntax("missing comma between key-value pairs, expected `,`", t.Start);
                    }
            }
        }
    }

    // ------------------------------------------------------------------ keys

    private readonly record struct KeySegment(int Start, int End, TokenKind Kind, int DotStart, int DotEnd);

    private void AddKey(Token t) => _segments.Add(new KeySegment(t.Start, t.End, t.Kind, -1, -1));

    private void AddFakeKey(int at) => _segments.Add(new KeySegment(at, at, TokenKind.Atom, -1, -1));

    private void AddDot(Token dot)
    {
        var last = _segments[^1];
        _segments[^1] = last with { DotStart = dot.Start, DotEnd = dot.End };
    }

    /// <summary>
    /// Turns the collected key parts into keys with decor (the text between <paramref name="prefixStart"/> and the
    /// first part, between parts and dots, and up to <paramref name="end"/>), decoding their names unless an
    /// error already happened.
    /// </summary>
    /// <param name="line">The keys start a <c>key = value</c>: the last one is made the line's <see cref="KeyValueSyntax"/>.</param>
    private KeyPath BuildKeys(int prefixStart, int end, bool line = false)
    {
        var segments = _segments;
        int count = segments.Count;
        TomlKey[]? prefix = count > 1 ? new TomlKey[count - 1] : null;
        TomlKey leaf = null!;
        for (int i = 0; i < count; i++)
        {
            var s = segments[i];
            string name = Failed ? "" : DecodeKey(s);
            var key = line && i == count - 1
                ? new KeyValueSyntax(name, _text, s.Start, s.End - s.Start)
                : new TomlKey(name, _text, s.Start, s.End - s.Start);
            int before = i == 0 ? prefixStart : segments[i - 1].DotEnd;
            int after = i < count - 1 ? s.DotStart : end;
            key.Node.SetSourcePrefix(s.Start - before);
            key.Node.SetSourceSuffix(Math.Max(0, after - s.End));
            if (i < count - 1)
            {
                prefix![i] = key;
            }
            else
            {
                leaf = key;
            }
        }
        if (!Failed && count - 1 >= _options.MaxDepth)
        {
            _errors.ReportWithoutSpan("recursion limit");
        }
        return new KeyPath(prefix, leaf);
    }

    private string DecodeKey(KeySegment s)
    {
        var raw = _text.AsSpan(s.Start, s.End - s.Start);
        if (s.Kind == TokenKind.Atom)
        {
            if (raw.Length > 0 && raw.IndexOfAnyExcept(CharClass.BareKey) < 0)
            {
                return _names.Get(raw);
            }
        }
        else if (s.Kind is TokenKind.BasicString or TokenKind.LiteralString
            && raw.Length >= 2 && raw[^1] == raw[0]
            && raw[1..^1].IndexOfAny(s.Kind == TokenKind.BasicString ? CharClass.BasicSpecial : CharClass.LiteralSpecial) < 0)
        {
            return _names.Get(raw[1..^1]);
        }
        return StringDecoder.DecodeKey(_text, new Token(s.Kind, s.Start, s.End), _errors, _options);
    }

    // ------------------------------------------------------------------ tables (toml-rs's de/parser/document.rs rules)

    private sealed record PendingArrayTable(KeyPath Keys, TomlTable Table);

    private void StartTable(KeyPath keys, TomlTable table)
    {
        FinishPendingArray();
        _currentTable = table;
        if (Failed)
        {
            return;
        }
        var parent = DescendPath(_root, keys, keys.Count - 1, dotted: false, owner: _root);
        if (parent is null)
        {
            return;
        }
        var key = keys.Leaf;
        int i = parent.IndexOf(key.Name);
        if (i < 0)
        {
            parent.AddEntry(key, table);
            return;
        }
        ref var entry = ref parent.EntryAt(i);
        if (entry.Value is TomlTable existing && existing.IsImplicitFlag && !existing.IsDottedFlag && existing.Section is null)
        {
            // `[a.b]` made `a` implicitly; `[a]` now defines it, keeping what `[a.b]` put in it.
            existing.IsImplicitFlag = false;
            existing.Section = table.Section;
            existing.Section!.Table = existing;
            existing.Node.CopySourceFrom(table.Node);
            entry.Key = key;
            _currentTable = existing;
            return;
        }
        _errors.Report("duplicate key", key.SpanStart, key.SpanLength);
    }

    private void StartArrayTable(KeyPath keys, TomlTable table)
    {
        FinishPendingArray();
        _currentTable = table;
        // Like toml-rs, an element is attached to its array when the next header starts, after its body.
        _pendingArray = new PendingArrayTable(keys, table);
    }

    private void FinishPendingArray()
    {
        if (_pendingArray is not { } pending)
        {
            return;
        }
        _pendingArray = null;
        if (Failed)
        {
            return;
        }
        var keys = pending.Keys;
        var parent = DescendPath(_root, keys, keys.Count - 1, dotted: false, owner: _root);
        if (parent is null)
        {
            return;
        }
        var key = keys.Leaf;
        int i = parent.IndexOf(key.Name);
        TomlArrayOfTables array;
        if (i < 0)
        {
            array = new TomlArrayOfTables();
            array.SetSource(_text, pending.Table.SpanStart, pending.Table.SpanLength);
            parent.AddEntry(key, array);
        }
        else if (parent.EntryAt(i).Value is TomlArrayOfTables existing)
        {
            array = existing;
        }
        else
        {
            _errors.Report("duplicate key", key.SpanStart, key.SpanLength);
            return;
        }
        pending.Table.ParentTable = parent;
        pending.Table.NameInParent = key.Name;
        pending.Table.Attached = true;
        array.AddTable(pending.Table);
    }

    private void CaptureKeyValue(KeyPath keys, TomlValue value, KeyValueSyntax statement)
    {
        if (Failed)
        {
            return;
        }
        bool dotted = keys.Count > 1;
        var parent = DescendPath(_currentTable, keys, keys.Count - 1, dotted, owner: _currentTable);
        if (parent is null)
        {
            return;
        }
        var key = keys.Leaf;
        if ((dotted && !parent.IsImplicitFlag) || parent.IndexOf(key.Name) >= 0)
        {
            _errors.Report("duplicate key", key.SpanStart, key.SpanLength);
            return;
        }
        parent.AddEntry(statement, value);
    }

    /// <summary>Walks (creating implicit tables) the first <paramref name="count"/> keys; null after reporting an error.</summary>
    private TomlTable? DescendPath(TomlTable table, KeyPath keys, int count, bool dotted, TomlTable owner)
    {
        for (int k = 0; k < count; k++)
        {
            var key = keys[k];
            int i = table.IndexOf(key.Name);
            if (i < 0)
            {
                var child = TomlTable.NewImplicit(dotted, inline: false, _document);
                child.SetSource(_text, key.SpanStart, key.SpanLength);
                if (dotted)
                {
                    child.SyntaxOwner = owner;
                }
                table.AddEntry(key, child);
                table = child;
                continue;
            }
            switch (table.EntryAt(i).Value)
            {
                case TomlArrayOfTables array:
                    table = array[^1];
                    break;
                case TomlArray:
                    _errors.Report("cannot extend value of type array with a dotted key", key.SpanStart, key.SpanLength);
                    return null;
                case TomlTable existing:
                    if (existing.IsInlineFlag)
                    {
                        _errors.Report("cannot extend value of type inline table with a dotted key", key.SpanStart, key.SpanLength);
                        return null;
                    }
                    if (dotted && existing.IsImplicitFlag && !existing.IsDottedFlag)
                    {
                        existing.IsDottedFlag = true;
                        existing.SyntaxOwner ??= owner;
                    }
                    if (dotted && !existing.IsImplicitFlag)
                    {
                        _errors.Report("duplicate key", key.SpanStart, key.SpanLength);
                        return null;
                    }
                    table = existing;
                    break;
                case var other:
                    _errors.Report($"cannot extend value of type {other.TypeName} with a dotted key", key.SpanStart, key.SpanLength);
                    return null;
            }
        }
        return table;
    }

    /// <summary>toml-rs's inline-table <c>finish_value</c>: dotted keys inside <c>{ }</c> may only build inline sub-tables.</summary>
    private void FinishInlineItem(TomlTable table, List<KeyValueSyntax> items, KeyPath keys, TomlValue value)
    {
        var item = (KeyValueSyntax)keys.Leaf;
        item.DottedPrefix = keys.Prefix;
        item.Value = value;
        items.Add(item);
        if (Failed)
        {
            return;
        }
        int prefix = keys.Count - 1;
        var target = table;
        for (int k = 0; k < prefix; k++)
        {
            var key = keys[k];
            int i = target.IndexOf(key.Name);
            if (i < 0)
            {
                var child = TomlTable.NewImplicit(dotted: true, inline: true, null);
                child.SetSource(_text, key.SpanStart, key.SpanLength);
                child.SyntaxOwner = table;
                target.AddEntry(key, child);
                target = child;
                continue;
            }
            var existing = target.EntryAt(i).Value;
            if (existing is TomlTable t)
            {
                if (!t.IsImplicitFlag)
                {
                    _errors.Report("duplicate key", key.SpanStart, key.SpanLength);
                    return;
                }
                target = t;
                continue;
            }
            _errors.Report($"cannot extend value of type {existing.TypeName} with a dotted key", key.SpanStart, key.SpanLength);
            return;
        }
        var last = keys.Leaf;
        if (target.IsDottedFlag == (prefix == 0) || target.IndexOf(last.Name) >= 0)
        {
            _errors.Report("duplicate key", last.SpanStart, last.SpanLength);
            return;
        }
        target.AddEntry(item, value);
    }
}
