using Exchange.Silo.Grains;

namespace Exchange.Silo.Rules;

/// <summary>Idempotency of writes: remembers the answers to the most recent messages of each person.</summary>
/// <remarks>
/// Bounded per person so a record's state does not grow with every write; a retry arrives within minutes,
/// long before a person sees this many other messages.
/// </remarks>
public static class MessageLedger
{
    public const int Capacity = 64;

    public static string KeyOf(string sourceSystem, string clientMessageId) => $"{sourceSystem}\n{clientMessageId}";

    public static ProcessedMessage? Find(PersonState state, string key) => state.Processed.Find(message => message.Key == key);

    public static void Remember(PersonState state, ProcessedMessage message)
    {
        state.Processed.Add(message);
        if (state.Processed.Count > Capacity)
        {
            state.Processed.RemoveRange(0, state.Processed.Count - Capacity);
        }
    }
}
