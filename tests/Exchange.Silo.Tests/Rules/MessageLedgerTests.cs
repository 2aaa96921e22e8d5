using Exchange.Silo.Grains;
using Exchange.Silo.Records;
using Exchange.Silo.Rules;

namespace Exchange.Silo.Tests.Rules;

public class MessageLedgerTests
{
    [Fact]
    public void Remember_MoreThanCapacity_KeepsOnlyTheMostRecent()
    {
        var state = new PersonState();

        for (var i = 0; i <= MessageLedger.Capacity; i++)
        {
            MessageLedger.Remember(state, Message(i));
        }

        Assert.Equal(MessageLedger.Capacity, state.Processed.Count);
        Assert.Null(MessageLedger.Find(state, Key(0)));
        Assert.NotNull(MessageLedger.Find(state, Key(1)));
        Assert.Equal(Key(MessageLedger.Capacity), MessageLedger.Find(state, Key(MessageLedger.Capacity))?.Key);
        Assert.Equal(Key(1), state.Processed[0].Key);
    }

    [Fact]
    public void Find_SameMessageIdFromAnotherSystem_IsADifferentMessage()
    {
        var state = new PersonState();
        MessageLedger.Remember(state, new ProcessedMessage(MessageLedger.KeyOf("his", "m-1"), null, TransferKind.MoveOut));

        Assert.NotNull(MessageLedger.Find(state, MessageLedger.KeyOf("his", "m-1")));
        Assert.Null(MessageLedger.Find(state, MessageLedger.KeyOf("cdc", "m-1")));
    }

    private static string Key(int i) => MessageLedger.KeyOf("his", $"m-{i}");

    private static ProcessedMessage Message(int i) => new(Key(i), new StoredWrite(false, "R", [1]), null);
}
