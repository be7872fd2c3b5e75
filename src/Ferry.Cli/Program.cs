using System.Text;
using Ferry.Cli;
using Ferry.Core.Configuration;

// A command runs for a short time and keeps most of what it reads (every manifest of a workspace)
// until it exits, so collections mostly copy live objects: loading a 216-package workspace spent
// more time in three GCs than in parsing. Asking for a no-GC region of 96 MiB up front (one cheap
// collection at start-up) lets typical commands finish without any; a command that allocates more
// simply leaves the region and gets ordinary collections from then on.
try
{
    GC.TryStartNoGCRegion(96L << 20);
}
catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
{
}

var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
var stderr = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false), 1 << 12) { AutoFlush = true };
try
{
    var app = new CliApp(stdout, stderr, EnvironmentSnapshot.Capture(), Directory.GetCurrentDirectory(), !Console.IsErrorRedirected);
    return app.Run(args);
}
finally
{
    stdout.Flush();
}
