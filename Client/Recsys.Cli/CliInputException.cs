namespace Recsys.Cli;

/// <summary>Input the command line refuses before or without asking the cluster (exit code 2).</summary>
public sealed class CliInputException(string message) : Exception(message);
