namespace Exchange.Silo.Audit;

/// <summary>An entry as stored: its place in its chain, and the hashes linking it to the entry before.</summary>
public sealed record LoggedEntry(string ChainId, long Sequence, ExchangeEntry Entry, byte[] PreviousHash, byte[] Hash);

/// <summary>A signed statement that entry <paramref name="Sequence"/> of a chain has <paramref name="Hash"/>.</summary>
public sealed record Checkpoint(string ChainId, long Sequence, byte[] Hash, DateTimeOffset SignedAt, string KeyId, byte[] Signature);
