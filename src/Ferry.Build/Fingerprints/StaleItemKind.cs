namespace Ferry.Build.Fingerprints;

public enum StaleItemKind
{
    MissingFile,
    FailedToReadMetadata,
    ChangedFile,
    ChangedEnv,
}
