using System.Text;
using Ferry.Cli;
using Ferry.Core.Configuration;

_ = StartTime.Stopwatch;

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
