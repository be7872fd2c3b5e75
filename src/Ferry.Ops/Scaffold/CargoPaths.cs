using System.Text;
using Ferry.Util.Diagnostics;
using Ferry.Util.IO;

namespace Ferry.Ops.Scaffold;

/// <summary>
/// File operations with the context Cargo's <c>cargo_util::paths</c> puts on failures
/// (<c>failed to create directory `…`</c> caused by the OS error), so error chains read the same.
/// </summary>
internal static class CargoPaths
{
    public static void CreateDirAll(string path)
    {
        try
        {
            RustPath.CreateDirAll(path);
        }
        catch (Exception e) when (IsIo(e))
        {
            throw new FerryException($"failed to create directory `{path}`", new FerryException(OsError.Describe(e, path)));
        }
    }

    /// <summary>Writes a whole file (atomically: a temporary sibling renamed over it).</summary>
    public static void Write(string path, string contents)
    {
        try
        {
            AtomicFile.WriteAllText(path, contents);
        }
        catch (Exception e) when (IsIo(e))
        {
            throw new FerryException($"failed to write `{path}`", new FerryException(OsError.Describe(e, path)));
        }
    }

    /// <summary>Appends to a file, creating it if needed (the old contents and the addition are written as one new file).</summary>
    public static void Append(string path, byte[]? existing, string addition)
    {
        try
        {
            var bytes = Encoding.UTF8.GetBytes(addition);
            if (existing is null)
            {
                AtomicFile.WriteAllBytes(path, bytes);
            }
            else
            {
                var whole = new byte[existing.Length + bytes.Length];
                existing.CopyTo(whole, 0);
                bytes.CopyTo(whole, existing.Length);
                AtomicFile.WriteAllBytes(path, whole);
            }
        }
        catch (Exception e) when (IsIo(e))
        {
            throw new FerryException($"failed to write `{path}`", new FerryException(OsError.Describe(e, path)));
        }
    }

    /// <summary>The bytes of a file, or null when it does not exist (other failures are Cargo's <c>failed to open file</c>).</summary>
    public static byte[]? ReadIfExists(string path)
    {
        if (Directory.Exists(path))
        {
            // Opening a directory works on Unix; reading it is what fails, without Cargo adding context.
            throw new FerryException(OsError.Text(21, null));
        }

        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException || (e is DirectoryNotFoundException && !Directory.Exists(path)))
        {
            return null;
        }
        catch (Exception e) when (IsIo(e))
        {
            throw new FerryException($"failed to open file `{path}`", new FerryException(OsError.Describe(e, path)));
        }
    }

    /// <summary>A UTF-8 text file, with Cargo's <c>failed to read</c> and <c>was not valid utf-8</c> errors.</summary>
    public static string ReadText(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (IsIo(e))
        {
            throw new FerryException($"failed to read `{path}`", new FerryException(OsError.Describe(e, path)));
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new FerryException($"path at `{path}` was not valid utf-8");
        }
    }

    /// <summary>Rust's <c>Path::exists</c>: anything at that path (file, directory, special file).</summary>
    public static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    public static bool IsIo(Exception e) => e is IOException or UnauthorizedAccessException;
}
