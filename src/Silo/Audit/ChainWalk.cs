namespace Exchange.Silo.Audit;

/// <summary>
/// The rules of one chain's verification, fed its entries in sequence order. Stops at the first problem.
/// </summary>
/// <remarks>
/// Each entry stores its predecessor's hash and its own; the sequence number is not hashed. So an entry whose content
/// no longer gives its hash was altered; a skipped sequence number is a removed entry; an entry that hashes correctly
/// but names the hash of an entry stored after it was moved (reordered); and an entry that hashes correctly but names
/// a hash found nowhere follows an entry that was altered and re-hashed (or removed with the rest renumbered).
/// Signed checkpoints catch a chain rewritten consistently from some point on.
/// </remarks>
internal sealed class ChainWalk(string chainId, List<Checkpoint> checkpoints, Dictionary<string, byte[]> keys, DateTimeOffset retainedSince)
{
    private readonly Dictionary<long, Checkpoint> _checkpointsAt = checkpoints.ToDictionary(checkpoint => checkpoint.Sequence);
    private long _expected;
    private byte[]? _previousHash;
    private long _lastGoodCheckpoint;
    private long _first;
    private long _last;
    private long _entries;

    public Tamper? Problem { get; private set; }

    public void Check(LoggedEntry entry, IReadOnlyList<TouchedPerson> indexed)
    {
        if (_previousHash is null && !Start(entry))
        {
            return;
        }

        if (entry.Sequence != _expected)
        {
            Fail(_expected, TamperKind.Missing, _expected == entry.Sequence - 1
                ? $"entry {_expected} is missing"
                : $"entries {_expected} to {entry.Sequence - 1} are missing");
            return;
        }

        if (!EntryHasher.Hash(entry.PreviousHash, entry.Entry).AsSpan().SequenceEqual(entry.Hash))
        {
            Fail(entry.Sequence, TamperKind.Altered, "the entry's content does not match its hash");
            return;
        }

        if (!entry.PreviousHash.AsSpan().SequenceEqual(_previousHash))
        {
            // Assume a move; the verifier downgrades this when no later entry carries the named hash.
            Fail(entry.Sequence, TamperKind.Reordered, "the entry names as its predecessor an entry stored after it");
            return;
        }

        if (!SamePersons(entry.Entry.Persons, indexed))
        {
            Fail(entry.Sequence, TamperKind.Altered, "the person index does not match the persons the entry records");
            return;
        }

        CheckCheckpoint(entry);
        _previousHash = entry.Hash;
        _expected++;
        _last = entry.Sequence;
        _entries++;
    }

    /// <summary>The link break at <paramref name="entry"/> is not a move: the entry before it was rewritten, or entries were removed and renumbered.</summary>
    public void NotReordered(LoggedEntry entry)
    {
        Problem = entry.Sequence == _first
            ? new Tamper(chainId, entry.Sequence, TamperKind.Missing, "the first entry does not continue from the checkpoint the chain was pruned to")
            : new Tamper(chainId, entry.Sequence - 1, TamperKind.Altered,
                $"entry {entry.Sequence} names a predecessor hash that no stored entry has: entry {entry.Sequence - 1} was altered and re-hashed, or entries before {entry.Sequence} were removed and the rest renumbered");
    }

    /// <summary>Checks what can only be checked after the last entry: checkpoints beyond it.</summary>
    public void Finish()
    {
        if (Problem is not null)
        {
            return;
        }

        var beyond = checkpoints.FirstOrDefault(checkpoint => checkpoint.Sequence > _last);
        if (beyond is null)
        {
            return;
        }

        if (_entries == 0 && beyond == checkpoints[^1])
        {
            // Every entry was pruned: the last checkpoint is the pruning point.
            CheckAnchor(beyond);
            return;
        }

        Fail(_last + 1, TamperKind.Missing, $"a signed checkpoint covers entries up to {beyond.Sequence}, but the chain ends at {_last}");
    }

    public ChainVerification Result() =>
        new(chainId, _first, _last, _entries, checkpoints.Count, checkpoints.Count > 0 ? checkpoints[^1] : null, Problem);

    private bool Start(LoggedEntry entry)
    {
        _first = entry.Sequence;
        _expected = entry.Sequence;
        if (entry.Sequence == 1)
        {
            _previousHash = EntryHasher.Genesis;
            return true;
        }

        // The chain was pruned: it must start right after a signed checkpoint old enough to prune to.
        if (!_checkpointsAt.TryGetValue(entry.Sequence - 1, out var anchor))
        {
            var earlier = checkpoints.LastOrDefault(checkpoint => checkpoint.Sequence < entry.Sequence);
            var from = (earlier?.Sequence ?? 0) + 1;
            Fail(from, TamperKind.Missing, $"entries {from} to {entry.Sequence - 1} are missing and no checkpoint marks a pruning point there");
            return false;
        }

        if (!CheckAnchor(anchor))
        {
            return false;
        }

        _previousHash = anchor.Hash;
        _lastGoodCheckpoint = anchor.Sequence;
        return true;
    }

    private bool CheckAnchor(Checkpoint anchor)
    {
        if (!SignatureHolds(anchor))
        {
            Fail(anchor.Sequence, TamperKind.BadCheckpoint, $"the checkpoint the chain was pruned to does not carry a valid signature of key {anchor.KeyId}");
            return false;
        }

        if (anchor.SignedAt > retainedSince)
        {
            Fail(anchor.Sequence, TamperKind.Missing, $"entries up to {anchor.Sequence} were removed although they were still within the retention period (signed {anchor.SignedAt:u})");
            return false;
        }

        return true;
    }

    private void CheckCheckpoint(LoggedEntry entry)
    {
        if (!_checkpointsAt.TryGetValue(entry.Sequence, out var checkpoint))
        {
            return;
        }

        if (!SignatureHolds(checkpoint))
        {
            Fail(entry.Sequence, TamperKind.BadCheckpoint, $"the checkpoint at this entry does not carry a valid signature of key {checkpoint.KeyId}");
            return;
        }

        if (!checkpoint.Hash.AsSpan().SequenceEqual(entry.Hash))
        {
            var from = _lastGoodCheckpoint + 1;
            Fail(from, TamperKind.Altered, $"the chain from entry {from} to {entry.Sequence} was rewritten: entry {entry.Sequence} differs from its signed checkpoint");
            return;
        }

        _lastGoodCheckpoint = entry.Sequence;
    }

    private bool SignatureHolds(Checkpoint checkpoint) =>
        keys.TryGetValue(checkpoint.KeyId, out var publicKey) && CheckpointSigner.IsValid(checkpoint, publicKey);

    private static bool SamePersons(IReadOnlyList<TouchedPerson> recorded, IReadOnlyList<TouchedPerson> indexed)
    {
        var expected = recorded.DistinctBy(person => person.HubId).OrderBy(person => person.HubId, StringComparer.Ordinal);
        return expected.SequenceEqual(indexed.OrderBy(person => person.HubId, StringComparer.Ordinal));
    }

    private void Fail(long sequence, TamperKind kind, string detail) => Problem ??= new Tamper(chainId, sequence, kind, detail);
}
