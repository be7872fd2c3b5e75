using System.Text.Encodings.Web;
using System.Text.Json;
using Ferry.Toml;
using Ferry.Tools.TomlTestDecoder;

// toml-test decoder protocol: TOML bytes on stdin; tagged JSON on stdout and exit 0, or the error on stderr and exit 1.
using var stdin = Console.OpenStandardInput();
using var buffer = new MemoryStream();
stdin.CopyTo(buffer);

TomlDocument document;
try
{
    document = TomlDocument.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
}
catch (TomlParseException e)
{
    Console.Error.Write(e.Message);
    return 1;
}

using var stdout = Console.OpenStandardOutput();
using (var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
{
    TaggedJson.WriteTable(writer, document.Root);
}
stdout.WriteByte((byte)'\n');
return 0;
