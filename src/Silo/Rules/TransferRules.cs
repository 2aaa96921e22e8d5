using Exchange.Adapters.Model;
using Exchange.Adapters.Results;
using Exchange.Silo.Records;

namespace Exchange.Silo.Rules;

/// <summary>Register-status changes when a person moves between units; every change is kept in the history.</summary>
public static class TransferRules
{
    public static (PersonRecord? Record, Issue[] Issues) Apply(PersonRecord record, TransferCommand command)
    {
        if (record.RegisterStatus is RegisterStatus.Dead or RegisterStatus.Deleted)
        {
            return (null, [new Issue(IssueCode.Conflict, "child", $"the record's register status is {record.RegisterStatus}; it cannot be transferred")]);
        }

        if (command.EffectiveDate < record.Demographics.BirthDate)
        {
            return (null, [Issue.Invalid("effective_date", "the transfer cannot take effect before the child's birth")]);
        }

        var demographics = record.Demographics;
        var toStatus = command.Kind switch
        {
            TransferKind.MoveIn => RegisterStatus.TransferredIn,
            TransferKind.MoveOut => RegisterStatus.MovedOut,
            TransferKind.TemporarilyAway => RegisterStatus.TemporarilyAway,
            _ => RegisterStatus.Local,
        };
        if (command.Kind == TransferKind.MoveIn)
        {
            demographics = demographics with { ManagingUnit = command.ToUnit!, ResidenceRegion = command.ToRegion! };
        }

        var change = new RegisterStatusChange(
            record.RegisterStatus,
            toStatus,
            command.EffectiveDate,
            record.Demographics.ManagingUnit,
            demographics.ManagingUnit,
            command.Kind == TransferKind.MoveIn ? command.ToRegion : null,
            command.Remark,
            command.SourceSystem,
            command.ReceivedAt);
        var updated = record with
        {
            Demographics = demographics,
            RegisterStatus = toStatus,
            StatusHistory = [.. record.StatusHistory, change],
            UpdatedAt = command.ReceivedAt,
        };
        return (updated, []);
    }
}
