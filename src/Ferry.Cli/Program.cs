using System.Text;
using Ferry.Cli;
using Ferry.Core.Configuration;

_ = StartTime.Stopwatch;

// See CollectionBudget: collections over a heap the command keeps to its end are mostly wasted work.
try
{
    GC.TryStartNoGCRegion(CollectionBudget.For(args));
}
catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
{
}

// After the region: starting it suspends every thread, the warm-up's too.
var cryptoWarmup = CryptoWarmup.Start(args);

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
    cryptoWarmup?.Wait();
}
