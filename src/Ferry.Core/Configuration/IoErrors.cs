using System.Text;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Configuration;

/// <summary>
/// Turns .NET I/O exceptions into the operating-system messages Cargo prints
/// (<c>No such file or directory (os error 2)</c>), so error output matches Cargo's.
/// </summary>
public static class IoErrors
{
    public static FerryException Describe(Exception error, string path) => error switch
    {
        FileNotFoundException or DirectoryNotFoundException => new FerryException("No such file or directory (os error 2)"),
        UnauthorizedAccessException when Directory.Exists(path) => new FerryException("Is a directory (os error 21)"),
        UnauthorizedAccessException => new FerryException("Permission denied (os error 13)"),
        DecoderFallbackException => new FerryException("stream did not contain valid UTF-8"),
        IOException when Directory.Exists(path) => new FerryException("Is a directory (os error 21)"),
        _ => new FerryException(error.Message),
    };

    public static bool IsIoError(Exception error) =>
        error is IOException or UnauthorizedAccessException or DecoderFallbackException;
}
