using System.Text.Json;
using Ferry.Util.Diagnostics;
using Ferry.Util.Text;

namespace Ferry.Sources.Registry;

/// <summary>
/// A registry's <c>config.json</c>: where <c>.crate</c> files are downloaded from (<c>dl</c>), the
/// web API (<c>api</c>) and whether every request needs a token (<c>auth-required</c>). Unknown
/// keys are ignored, as serde does for Cargo.
/// </summary>
internal sealed record RegistryConfigJson(string Dl, string? Api, bool AuthRequired)
{
    public const string FileName = "config.json";

    public static RegistryConfigJson Parse(ReadOnlySpan<byte> json)
    {
        string? dl = null;
        string? api = null;
        var authRequired = false;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new FerryException("invalid type: expected a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString();
                reader.Read();
                switch (key)
                {
                    case "dl":
                        dl = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new FerryException("invalid type for `dl`: expected a string");
                        break;
                    case "api":
                        api = reader.TokenType switch
                        {
                            JsonTokenType.String => reader.GetString(),
                            JsonTokenType.Null => null,
                            _ => throw new FerryException("invalid type for `api`: expected a string"),
                        };
                        break;
                    case "auth-required":
                        authRequired = reader.TokenType switch
                        {
                            JsonTokenType.True => true,
                            JsonTokenType.False => false,
                            _ => throw new FerryException("invalid type for `auth-required`: expected a boolean"),
                        };
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (JsonException error)
        {
            throw new FerryException(JsonSyntaxError.Describe(json) ?? error.Message);
        }

        return new RegistryConfigJson(dl ?? throw new FerryException("missing field `dl`"), api, authRequired);
    }
}
