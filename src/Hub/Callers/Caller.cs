namespace Exchange.Hub.Callers;

/// <summary>The system on the other end of a call.</summary>
internal sealed record Caller(string SystemId);
