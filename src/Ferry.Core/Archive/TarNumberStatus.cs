namespace Ferry.Core.Archive;

/// <summary>Outcome of decoding a numeric tar header field.</summary>
internal enum TarNumberStatus
{
    Ok,
    Malformed,
    Negative,
    TooLarge,
}
