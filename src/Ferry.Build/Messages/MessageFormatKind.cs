namespace Ferry.Build.Messages;

public enum MessageFormatKind
{
    Human,
    Short,
    Json,
}
