using System.Threading.Channels;

namespace Ferry.Build.Execution;

/// <summary>A running job's line to the scheduler (Cargo's <c>JobState</c>).</summary>
internal sealed class JobState
{
    private readonly ChannelWriter<JobMessage> _messages;
    private int _rmetaSent;

    public JobState(int id, ChannelWriter<JobMessage> messages, bool rmetaRequired)
    {
        Id = id;
        _messages = messages;
        RmetaRequired = rmetaRequired;
    }

    public int Id { get; }

    /// <summary>A dependent waits for this unit's <c>.rmeta</c>: report it as soon as rustc writes it.</summary>
    public bool RmetaRequired { get; }

    public void Running(ProcessCommand command) => Post(new JobMessage(JobMessageKind.Run, Id) { Text = command.ToString() });

    public void Stdout(string line) => Post(new JobMessage(JobMessageKind.Stdout, Id) { Text = line });

    public void Stderr(string line) => Post(new JobMessage(JobMessageKind.Stderr, Id) { Text = line });

    public void Diagnostic(string level, string rendered, bool lint, bool fixable) =>
        Post(new JobMessage(JobMessageKind.Diagnostic, Id) { Level = level, Text = rendered, Lint = lint, Fixable = fixable });

    public void Warning(string text) => Post(new JobMessage(JobMessageKind.Warning, Id) { Text = text });

    /// <summary>rustc wrote the metadata: dependents that only need it may start.</summary>
    public void RmetaProduced()
    {
        if (RmetaRequired && Interlocked.Exchange(ref _rmetaSent, 1) == 0)
        {
            Post(new JobMessage(JobMessageKind.RmetaReady, Id));
        }
    }

    public void Finished(Exception? error)
    {
        if (error is null && RmetaRequired && Interlocked.Exchange(ref _rmetaSent, 1) == 0)
        {
            Post(new JobMessage(JobMessageKind.RmetaReady, Id));
        }

        Post(new JobMessage(JobMessageKind.Finished, Id) { Error = error });
    }

    private void Post(JobMessage message) => _messages.TryWrite(message);
}
