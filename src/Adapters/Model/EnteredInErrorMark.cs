namespace Exchange.Adapters.Model;

/// <summary>Who marked a vaccination event entered-in-error, and when the hub received the mark.</summary>
public sealed record EnteredInErrorMark(string SourceSystem, DateTimeOffset ReceivedAt);
