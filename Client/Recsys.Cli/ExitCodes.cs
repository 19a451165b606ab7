namespace Recsys.Cli;

/// <summary>The command line's exit codes: 0 done, 1 failed (cluster unreachable, job failed), 2 bad input (one line says what).</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    public const int Failed = 1;

    public const int BadInput = 2;
}
