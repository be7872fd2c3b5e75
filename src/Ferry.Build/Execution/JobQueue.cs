using System.Diagnostics;
using System.Threading.Channels;
using Ferry.Build.Units;
using Ferry.Util.Diagnostics;

namespace Ferry.Build.Execution;

/// <summary>
/// Runs the jobs of a build in parallel (Cargo's <c>JobQueue</c>/<c>DrainState</c>). One thread (the
/// caller's) owns scheduling and the terminal; jobs run on the thread pool and report through a
/// channel. A job starts when its dependencies are done, or, for pipelined rlib dependencies, as
/// soon as their metadata exists. Jobs beyond the first each hold a jobserver token, shared with
/// rustc's own threads, so <c>-j N</c> bounds all work. Fresh jobs run inline.
/// </summary>
internal sealed class JobQueue
{
    private const int UnitCost = 100;

    private readonly BuildState _state;
    private readonly Dictionary<Unit, Job> _jobs;
    private readonly DependencyQueue _queue = new();
    private readonly Channel<JobMessage> _channel = Channel.CreateUnbounded<JobMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<int, Unit> _active = [];
    private readonly Dictionary<int, Task> _activeTasks = [];
    private readonly List<Unit> _pending = [];
    private readonly Dictionary<Core.Identity.PackageId, int> _counts = [];
    private readonly HashSet<Core.Identity.PackageId> _compiled = [];
    private readonly HashSet<Core.Identity.PackageId> _documented = [];
    private readonly Dictionary<int, WarningCount> _warnings = [];
    private readonly HashSet<string> _seenDiagnostics = new(StringComparer.Ordinal);
    private readonly Func<Unit, Exception?, bool, Exception?> _onFinished;
    private int _tokens;
    private int _nextId;
    private int _finished;
    private int _errors;
    private DateTime _lastProgress = DateTime.MinValue;

    public JobQueue(BuildState state, Dictionary<Unit, Job> jobs, Func<Unit, Exception?, bool, Exception?> onFinished)
    {
        _state = state;
        _jobs = jobs;
        _onFinished = onFinished;
        foreach (var (unit, _) in jobs)
        {
            _queue.Enqueue(unit, QueueDependencies(unit));
            _counts[unit.Package.Id] = _counts.GetValueOrDefault(unit.Package.Id) + 1;
        }

        _queue.Finish(_ => UnitCost);
    }

    public int ErrorCount => _errors;

    public ChannelWriter<JobMessage> Writer => _channel.Writer;

    private IEnumerable<(Unit, bool)> QueueDependencies(Unit unit)
    {
        var deps = _state.Graph.Deps(unit);
        var result = new Dictionary<Unit, bool>();
        foreach (var dep in deps)
        {
            if (dep.Unit.Target.IsTest || dep.Unit.Target.IsBin)
            {
                continue;
            }

            result[dep.Unit] = _state.OnlyRequiresRmeta(unit, dep.Unit);
        }

        if (unit.RequiresUpstreamObjects)
        {
            // Linking needs the object code of every transitive dependency.
            var stack = new Stack<Unit>(deps.Select(d => d.Unit));
            while (stack.TryPop(out var current))
            {
                foreach (var dep in _state.Graph.Deps(current))
                {
                    if (!result.TryGetValue(dep.Unit, out var metadataOnly) || metadataOnly)
                    {
                        var isNew = !result.ContainsKey(dep.Unit);
                        result[dep.Unit] = false;
                        if (isNew)
                        {
                            stack.Push(dep.Unit);
                        }
                    }
                }
            }
        }

        return result.Select(p => (p.Key, p.Value));
    }

    /// <summary>The job server token callback (another thread).</summary>
    public void OnToken() => _channel.Writer.TryWrite(new JobMessage(JobMessageKind.Token, -1));

    public async Task RunAsync(Jobserver? jobserver, CancellationToken cancellationToken)
    {
        var total = _jobs.Count;
        while (true)
        {
            if ((_errors == 0 || _state.Options.KeepGoing) && !cancellationToken.IsCancellationRequested)
            {
                SpawnWorkIfPossible(jobserver, cancellationToken);
            }

            if (_active.Count == 0)
            {
                break;
            }

            foreach (var message in await WaitForEventsAsync(jobserver, total).ConfigureAwait(false))
            {
                Handle(message, jobserver);
            }
        }

        _state.Shell.Progress("Building", null);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private void SpawnWorkIfPossible(Jobserver? jobserver, CancellationToken cancellationToken)
    {
        foreach (var unit in _queue.DequeueReady())
        {
            var priority = _queue.Priority(unit);
            var index = _pending.FindIndex(u => _queue.Priority(u) > priority);
            _pending.Insert(index < 0 ? _pending.Count : index, unit);
            if (_active.Count + _pending.Count > 1)
            {
                jobserver?.RequestToken();
            }
        }

        while (_pending.Count > 0 && (_active.Count < _tokens + 1 || jobserver is null && _active.Count < _state.Options.Jobs))
        {
            var unit = _pending[^1];
            _pending.RemoveAt(_pending.Count - 1);
            _counts[unit.Package.Id]--;
            var job = _jobs[unit];
            NoteWorkingOn(unit, job.Freshness);
            Run(job, cancellationToken);
        }
    }

    private void Run(Job job, CancellationToken cancellationToken)
    {
        var id = _nextId++;
        _active[id] = job.Unit;
        var state = new JobState(id, _channel.Writer, _state.RmetaRequired.Contains(job.Unit));
        if (job.Freshness.IsFresh)
        {
            try
            {
                job.Work(state, cancellationToken).GetAwaiter().GetResult();
                state.Finished(null);
            }
            catch (Exception error) when (error is FerryException or IOException or UnauthorizedAccessException)
            {
                state.Finished(error);
            }

            return;
        }

        _activeTasks[id] = Task.Run(async () =>
        {
            try
            {
                await job.Work(state, cancellationToken).ConfigureAwait(false);
                state.Finished(null);
            }
            catch (Exception error)
            {
                state.Finished(error);
            }
        });
    }

    private async Task<List<JobMessage>> WaitForEventsAsync(Jobserver? jobserver, int total)
    {
        var events = new List<JobMessage>();
        while (_channel.Reader.TryRead(out var message))
        {
            events.Add(message);
        }

        while (events.Count == 0)
        {
            TickProgress(total);

            // Give back tokens no job needs (Cargo truncates its token list while it waits).
            while (_tokens > 0 && _tokens > _active.Count - 1)
            {
                _tokens--;
                jobserver?.Release();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
            try
            {
                if (await _channel.Reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false))
                {
                    while (_channel.Reader.TryRead(out var message))
                    {
                        events.Add(message);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        return events;
    }

    private void TickProgress(int total)
    {
        if (!_state.Options.Progress)
        {
            return;
        }

        var now = DateTime.UtcNow;
        if (_lastProgress == DateTime.MinValue)
        {
            _lastProgress = now;
        }

        var names = string.Join(", ", _active.Values.OrderBy(u => u.Index).Select(NameForProgress));
        _state.Shell.Progress("Building", ProgressBar.Render(_finished, total, ": " + names, _state.Shell.ErrWidth ?? 80));
    }

    private static string NameForProgress(Unit unit)
    {
        var package = unit.Package.Name;
        var target = unit.Target.Name;
        return unit.Mode switch
        {
            CompileMode.Doc => $"{package}(doc)",
            CompileMode.RunCustomBuild => $"{package}(build)",
            CompileMode.Test or CompileMode.CheckTest => unit.Target.Kind switch
            {
                Core.Manifest.Targets.TargetKind.Lib => $"{target}(test)",
                Core.Manifest.Targets.TargetKind.Bin => $"{target}(bin test)",
                Core.Manifest.Targets.TargetKind.Test => $"{target}(test)",
                Core.Manifest.Targets.TargetKind.Bench => $"{target}(bench)",
                _ => $"{target}(example test)",
            },
            _ => unit.Target.Kind switch
            {
                Core.Manifest.Targets.TargetKind.Lib => package,
                Core.Manifest.Targets.TargetKind.CustomBuild => $"{package}(build.rs)",
                Core.Manifest.Targets.TargetKind.Bin => $"{target}(bin)",
                Core.Manifest.Targets.TargetKind.Test => $"{target}(test)",
                Core.Manifest.Targets.TargetKind.Bench => $"{target}(bench)",
                _ => $"{target}(example)",
            },
        };
    }

    private void NoteWorkingOn(Unit unit, Freshness freshness)
    {
        var id = unit.Package.Id;
        if ((_compiled.Contains(id) && unit.Mode != CompileMode.Doc) || (_documented.Contains(id) && unit.Mode == CompileMode.Doc))
        {
            return;
        }

        if (!freshness.IsFresh)
        {
            if (freshness.Reason is { IsFreshBuild: false } reason && _state.Options.Verbose)
            {
                var (message, note) = reason.Describe(_state.WorkspaceRoot);
                _state.Shell.Status("Dirty", $"{unit.Package}: {message}");
                if (note is not null)
                {
                    _state.Shell.Note(note);
                }
            }

            if (unit.Mode == CompileMode.Doc)
            {
                _documented.Add(id);
                _state.Shell.Status("Documenting", unit.Package.ToString());
            }
            else
            {
                _compiled.Add(id);
                _state.Shell.Status(unit.Mode.IsCheck() ? "Checking" : "Compiling", unit.Package.ToString());
            }
        }
        else if (_counts[id] == 0 && !(unit.Mode == CompileMode.Doctest && _compiled.Contains(id)))
        {
            _compiled.Add(id);
            if (_state.Options.Verbose)
            {
                _state.Shell.Status("Fresh", unit.Package.ToString());
            }
        }
    }

    private void Handle(JobMessage message, Jobserver? jobserver)
    {
        switch (message.Kind)
        {
            case JobMessageKind.Token:
                _tokens++;
                break;
            case JobMessageKind.Run:
                if (_state.Options.Verbose)
                {
                    _state.Shell.Status("Running", $"`{message.Text}`");
                }

                break;
            case JobMessageKind.Stdout:
                _state.Shell.StdoutLine(message.Text!);
                break;
            case JobMessageKind.Stderr:
                _state.Shell.StderrLine(message.Text!);
                break;
            case JobMessageKind.Diagnostic:
                var emitted = _seenDiagnostics.Add(message.Text!);
                if (emitted)
                {
                    _state.Shell.StderrLine(message.Text!);
                }

                var count = Count(message.JobId);
                if (message.Level == "warning")
                {
                    count.Total++;
                    if (!emitted)
                    {
                        count.Duplicates++;
                    }
                    else if (message.Fixable && !count.FixableDisallowed)
                    {
                        count.Fixable++;
                    }
                }
                else if (message.Level == "error")
                {
                    count.FixableDisallowed = true;
                }

                break;
            case JobMessageKind.Warning:
                _state.Shell.Warn(message.Text!);
                Count(message.JobId).Total++;
                break;
            case JobMessageKind.RmetaReady:
                _queue.Satisfy(_active[message.JobId], metadataOnly: true);
                break;
            case JobMessageKind.Finished:
                var unit = _active[message.JobId];
                _active.Remove(message.JobId);
                _activeTasks.Remove(message.JobId);
                _finished++;
                if (_warnings.TryGetValue(message.JobId, out var warnings) && warnings.Total > 0)
                {
                    ReportWarningCount(unit, warnings);
                }

                var error = _onFinished(unit, message.Error, _errors == 0);
                if (error is null)
                {
                    _queue.Satisfy(unit, metadataOnly: true);
                    _queue.Satisfy(unit, metadataOnly: false);
                }
                else
                {
                    HandleError(error);
                }

                break;
        }
    }

    private WarningCount Count(int id)
    {
        if (!_warnings.TryGetValue(id, out var count))
        {
            count = new WarningCount();
            _warnings[id] = count;
        }

        return count;
    }

    private void HandleError(Exception error)
    {
        if (error is OperationCanceledException)
        {
            _errors++;
            return;
        }

        _state.Shell.Progress("Building", null);
        ErrorReporter.Report(_state.Shell, error, _state.Options.Verbose);
        if (_errors == 0 && _active.Count > 0)
        {
            _state.Shell.Warn("build failed, waiting for other jobs to finish...");
        }

        _errors++;
    }

    private void ReportWarningCount(Unit unit, WarningCount count)
    {
        var message = new System.Text.StringBuilder(DescriptivePackageName(unit)).Append(" generated ");
        message.Append(count.Total == 1 ? "1 warning" : $"{count.Total} warnings");
        if (count.Duplicates == 1)
        {
            message.Append(" (1 duplicate)");
        }
        else if (count.Duplicates > 1)
        {
            message.Append($" ({count.Duplicates} duplicates)");
        }

        if (unit.IsLocal && count.Fixable > 0 && !count.FixableDisallowed && !unit.Target.IsCustomBuild)
        {
            var args = $"{DescriptionNamed(unit.Target)} -p {unit.Package.Name}";
            if (unit.Mode.IsAnyTest() && !(unit.Target.IsTest || unit.Target.IsBench))
            {
                args += " --tests";
            }

            var suggestions = count.Fixable == 1 ? "1 suggestion" : $"{count.Fixable} suggestions";
            message.Append($" (run `cargo fix --{args}` to apply {suggestions})");
        }

        _state.Shell.Warn(message.ToString());
    }

    /// <summary>Cargo's <c>description_named</c>: <c>lib</c>, <c>bin "foo"</c>, <c>build script</c>, ...</summary>
    public static string DescriptionNamed(Core.Manifest.Targets.Target target) => target.Kind switch
    {
        Core.Manifest.Targets.TargetKind.Lib => "lib",
        Core.Manifest.Targets.TargetKind.Bin => $"bin \"{target.Name}\"",
        Core.Manifest.Targets.TargetKind.Test => $"test \"{target.Name}\"",
        Core.Manifest.Targets.TargetKind.Bench => $"bench \"{target.Name}\"",
        Core.Manifest.Targets.TargetKind.ExampleBin or Core.Manifest.Targets.TargetKind.ExampleLib => $"example \"{target.Name}\"",
        _ => "build script",
    };

    /// <summary>Cargo's <c>descriptive_pkg_name</c>: <c>`foo` (bin "foo" test)</c>.</summary>
    public static string DescriptivePackageName(Unit unit)
    {
        var mode = unit.Mode.IsAnyTest() && !(unit.Target.IsTest || unit.Target.IsBench) ? " test" : unit.Mode == CompileMode.Doc ? " doc" : string.Empty;
        return $"`{unit.Package.Name}` ({DescriptionNamed(unit.Target)}{mode})";
    }
}
