using System.Collections.Immutable;
using System.Text.Json;
using Ferry.Util.Diagnostics;

namespace Ferry.Sources.Local;

/// <summary>
/// A vendored package's <c>.cargo-checksum.json</c>: the sha256 of the <c>.crate</c> it came from
/// (<c>package</c>; null for git dependencies) and of each file (<c>files</c>, checked before a
/// build reads them).
/// </summary>
internal sealed record CargoChecksumFile(string? Package, ImmutableSortedDictionary<string, string> Files)
{
    public const string FileName = ".cargo-checksum.json";

    public static CargoChecksumFile Parse(ReadOnlySpan<byte> json)
    {
        string? package = null;
        ImmutableSortedDictionary<string, string>? files = null;
        try
        {
            var reader = new Utf8JsonReader(json);
            Expect(ref reader, JsonTokenType.StartObject, "a map");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString();
                reader.Read();
                switch (key)
                {
                    case "package":
                        package = reader.TokenType switch
                        {
                            JsonTokenType.Null => null,
                            JsonTokenType.String => reader.GetString(),
                            _ => throw new FerryException("invalid type: expected a string for `package`"),
                        };
                        break;
                    case "files":
                        if (reader.TokenType != JsonTokenType.StartObject)
                        {
                            throw new FerryException("invalid type: expected a map for `files`");
                        }

                        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
                        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                        {
                            var file = reader.GetString()!;
                            reader.Read();
                            builder[file] = reader.TokenType == JsonTokenType.String
                                ? reader.GetString()!
                                : throw new FerryException($"invalid type: expected a string checksum for `{file}`");
                        }

                        files = builder.ToImmutable();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (JsonException error)
        {
            throw new FerryException(error.Message, error);
        }

        return new CargoChecksumFile(package, files ?? throw new FerryException("missing field `files`"));
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string what)
    {
        if (!reader.Read() || reader.TokenType != type)
        {
            throw new FerryException($"invalid type: expected {what}");
        }
    }
}
