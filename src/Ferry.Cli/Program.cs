using System.Text;
using Ferry.Cli;
using Ferry.Core.Configuration;

_ = StartTime.Stopwatch;

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
    string cwd;
    try
    {
        cwd = Directory.GetCurrentDirectory();
    }
    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
    {
        // The working directory was deleted under us: Cargo's message, not a stack trace.
        stderr.Write("error: couldn't get the current directory of the process\n\nCaused by:\n  No such file or directory (os error 2)\n");
        return 101;
    }

    var app = new CliApp(stdout, stderr, EnvironmentSnapshot.Capture(), cwd, !Console.IsErrorRedirected);
    return app.Run(args);
}
finally
{
    stdout.Flush();
}
