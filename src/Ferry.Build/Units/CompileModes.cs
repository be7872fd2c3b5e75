namespace Ferry.Build.Units;

internal static class CompileModes
{
    public static bool IsCheck(this CompileMode mode) => mode is CompileMode.Check or CompileMode.CheckTest;

    public static bool IsAnyTest(this CompileMode mode) => mode is CompileMode.Test or CompileMode.CheckTest or CompileMode.Doctest;

    public static bool IsRunCustomBuild(this CompileMode mode) => mode == CompileMode.RunCustomBuild;

    public static bool IsDoc(this CompileMode mode) => mode == CompileMode.Doc;

    public static bool IsDoctest(this CompileMode mode) => mode == CompileMode.Doctest;
}
