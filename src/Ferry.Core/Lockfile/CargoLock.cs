using System.Text;
using Ferry.Core.Resolution;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Lockfile;

/// <summary>
/// Cargo.lock in and out. Text ⇄ <see cref="EncodableLockfile"/> (<see cref="Parse"/>,
/// <see cref="Encode(EncodableLockfile, ResolveVersion)"/>) is lossless for every file Cargo 1.95
/// writes, in every format version; <see cref="EncodableLockfile"/> ⇄ <see cref="Resolve"/>
/// (<see cref="ToResolve"/>, <see cref="ToEncodable"/>) is Cargo's <c>into_resolve</c> and its
/// serialiser; <see cref="Load"/>/<see cref="Read"/> and <see cref="Encode(Resolve, string?)"/>
/// combine them. Rules for writing the file back (format bumps, <c>--locked</c>) are in
/// <see cref="LockfileWriter"/>, the checksum rule for re-resolving in <see cref="LockfileMerge"/>.
/// </summary>
public static class CargoLock
{
    public const string FileName = "Cargo.lock";

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses lockfile text; <paramref name="path"/> is only used in messages.</summary>
    /// <exception cref="LockfileParseException">Invalid TOML, a schema error, or a format version this Cargo does not read.</exception>
    public static EncodableLockfile Parse(string text, string path, LockfileOptions? options = null) =>
        LockfileParser.Parse(text, path, options ?? LockfileOptions.Stable);

    /// <summary>
    /// The file text Cargo writes for this model. <paramref name="format"/> only decides whether the
    /// trailing blank lines of V1 are kept; the <c>version</c> line comes from the model.
    /// </summary>
    public static string Encode(EncodableLockfile lockfile, ResolveVersion format) => LockfileWriterText.Write(lockfile, format);

    /// <summary>
    /// Cargo's <c>serialize_resolve</c>: the lockfile text for a resolve, keeping the top comments of
    /// the file it replaces (<paramref name="original"/>, if any).
    /// </summary>
    public static string Encode(Resolve resolve, string? original = null)
    {
        var lockfile = ToEncodable(resolve);
        if (original is not null)
        {
            lockfile = lockfile with { HeaderComments = LockfileParser.HeaderComments(original) };
        }

        return Encode(lockfile, resolve.Version);
    }

    /// <summary>The lockfile model of a resolve, in the resolve's format version.</summary>
    public static EncodableLockfile ToEncodable(Resolve resolve) => ResolveEncoder.Encode(resolve);

    /// <summary>
    /// Cargo's <c>into_resolve</c>. <paramref name="original"/> is the text the model was parsed from
    /// (one detail of V1/V2 detection looks at its trailing newlines).
    /// </summary>
    /// <exception cref="LockfileParseException">A package listed twice, an invalid version, an unreadable V1 checksum key.</exception>
    public static Resolve ToResolve(EncodableLockfile lockfile, string original, ILockfileContext context, string path, LockfileOptions? options = null)
    {
        try
        {
            return LockfileDecoder.Decode(lockfile, original, context, options ?? LockfileOptions.Stable);
        }
        catch (FerryException e) when (e is not LockfileParseException)
        {
            throw new LockfileParseException(path, e);
        }
    }

    /// <summary>Parses and decodes lockfile text (everything <c>load_pkg_lockfile</c> does after reading the file).</summary>
    public static Resolve Read(string text, string path, ILockfileContext context, LockfileOptions? options = null)
    {
        var lockfile = Parse(text, path, options);
        return ToResolve(lockfile, text, context, path, options);
    }

    /// <summary>
    /// Cargo's <c>load_pkg_lockfile</c>: the resolve recorded in <paramref name="path"/>, or null when
    /// there is no such file.
    /// </summary>
    /// <exception cref="FerryException"><c>failed to read file: ...</c> (e.g. not UTF-8) or a <see cref="LockfileParseException"/>.</exception>
    public static Resolve? Load(string path, ILockfileContext context, LockfileOptions? options = null)
    {
        var text = ReadText(path);
        return text is null ? null : Read(text, path, context, options);
    }

    /// <summary>The file's text, null if it does not exist; invalid UTF-8 is an error, as in Rust's <c>read_to_string</c>.</summary>
    internal static string? ReadText(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FerryException($"failed to read file: {path}", e);
        }

        try
        {
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new FerryException($"failed to read file: {path}", new FerryException("stream did not contain valid UTF-8"));
        }
    }
}
