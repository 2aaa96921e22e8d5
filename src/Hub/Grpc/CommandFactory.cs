using Exchange.Adapters.CodeMaps;
using Exchange.Adapters.Model;
using Exchange.Adapters.Normalization;
using Exchange.Adapters.Results;
using Exchange.Adapters.Validation.Formats;
using Exchange.Hub.Callers;
using Exchange.Hub.Grpc.Mapping;
using Exchange.Silo.Records;
using Google.Protobuf.Collections;
using V1 = Exchange.Protos.V1;

namespace Exchange.Hub.Grpc;

/// <summary>Turns clinic requests into normalized grain commands, collecting every field problem on the way.</summary>
internal static class CommandFactory
{
    private const int MaxMessageIdLength = 128;
    private const int MaxDosesPerMessage = 200;

    /// <param name="codes">The caller's code translator (its code map, then the hub tables).</param>
    public static Result<RegisterPersonCommand> Register(
        Caller caller, string clientMessageId, V1.Person? child, RepeatedField<V1.Vaccination> vaccinations, DateTimeOffset now, ICodeTranslator codes)
    {
        var refused = UnitStamping.Registration(caller, child, vaccinations);
        if (refused.Length > 0)
        {
            return Result<RegisterPersonCommand>.Failure(refused);
        }

        var issues = new IssueCollector();
        CheckMessageId(clientMessageId, issues);
        var today = ChinaCalendar.Today(now);
        PersonRegistration? registration = null;
        if (child is null)
        {
            issues.Invalid("child", "the child is required");
        }
        else
        {
            var person = PersonNormalizer.Normalize(child.ToReported(), "child", today, codes);
            issues.AddRange(person.Issues);
            registration = person.Succeeded ? person.Value : null;
        }

        var doses = Doses(vaccinations, registration?.Demographics.BirthDate, today, issues, allowEmpty: true, codes);
        return issues.ToResult(() => new RegisterPersonCommand(caller.SystemId, clientMessageId, registration!, doses, now, caller.UnitCode));
    }

    /// <param name="codes">The caller's code translator (its code map, then the hub tables).</param>
    public static Result<RecordDosesCommand> Record(Caller caller, V1.RecordVaccinationsRequest request, DateTimeOffset now, ICodeTranslator codes)
    {
        var refused = UnitStamping.Doses(caller, request.Vaccinations);
        if (refused.Length > 0)
        {
            return Result<RecordDosesCommand>.Failure(refused);
        }

        var issues = new IssueCollector();
        CheckMessageId(request.ClientMessageId, issues);
        var doses = Doses(request.Vaccinations, birthDate: null, ChinaCalendar.Today(now), issues, allowEmpty: false, codes);
        return issues.ToResult(() => new RecordDosesCommand(caller.SystemId, request.ClientMessageId, doses, now, caller.UnitCode));
    }

    public static Result<TransferCommand> Transfer(Caller caller, V1.TransferChildRequest request, DateTimeOffset now)
    {
        var refused = UnitStamping.Transfer(caller, request);
        if (refused.Length > 0)
        {
            return Result<TransferCommand>.Failure(refused);
        }

        var issues = new IssueCollector();
        CheckMessageId(request.ClientMessageId, issues);
        TransferKind? kind = request.Kind switch
        {
            V1.TransferKind.MoveIn => TransferKind.MoveIn,
            V1.TransferKind.MoveOut => TransferKind.MoveOut,
            V1.TransferKind.TemporarilyAway => TransferKind.TemporarilyAway,
            V1.TransferKind.Return => TransferKind.Return,
            _ => null,
        };
        if (kind is null)
        {
            issues.Invalid("kind", "transfer kind is required: MOVE_IN, MOVE_OUT, TEMPORARILY_AWAY or RETURN");
        }

        var date = EffectiveDate(request.EffectiveDate, ChinaCalendar.Today(now), issues);
        var moveIn = kind == TransferKind.MoveIn;
        var toUnit = PersonNormalizer.NormalizeCode(request.ToUnit, "to_unit", UnitCode.Check, required: moveIn, issues);
        var toRegion = PersonNormalizer.NormalizeCode(request.ToRegion, "to_region", RegionCode.Check, required: moveIn, issues);
        var remark = TextCleaner.Clean(request.Remark);
        return issues.ToResult(() => new TransferCommand(caller.SystemId, request.ClientMessageId, kind!.Value, date!.Value, toUnit, toRegion, remark, now));
    }

    private static DateOnly? EffectiveDate(string text, DateOnly today, IssueCollector issues)
    {
        if (!CanonicalDates.TryParseDate(TextCleaner.Clean(text), out var date))
        {
            issues.Invalid("effective_date", $"the effective date is required, in the form {CanonicalDates.DateFormat}");
            return null;
        }

        if (date > today)
        {
            issues.Invalid("effective_date", $"effective date {CanonicalDates.Format(date)} is in the future");
            return null;
        }

        return date;
    }

    private static DoseReport[] Doses(
        RepeatedField<V1.Vaccination> vaccinations, DateOnly? birthDate, DateOnly today, IssueCollector issues, bool allowEmpty, ICodeTranslator codes)
    {
        if (vaccinations.Count == 0 && !allowEmpty)
        {
            issues.Invalid("vaccinations", "at least one vaccination is required");
        }

        if (vaccinations.Count > MaxDosesPerMessage)
        {
            issues.Invalid("vaccinations", $"at most {MaxDosesPerMessage} vaccinations per message, got {vaccinations.Count}");
            return [];
        }

        var doses = new DoseReport[vaccinations.Count];
        for (var i = 0; i < vaccinations.Count; i++)
        {
            var dose = VaccinationNormalizer.Normalize(vaccinations[i].ToReported(), $"vaccinations[{i}]", birthDate, today, codes);
            issues.AddRange(dose.Issues);
            doses[i] = dose.Succeeded ? dose.Value : null!;
        }

        return doses;
    }

    private static void CheckMessageId(string clientMessageId, IssueCollector issues)
    {
        if (string.IsNullOrWhiteSpace(clientMessageId))
        {
            issues.Invalid("client_message_id", "a client message id is required on every write, so a retry is recognized");
        }
        else if (clientMessageId.Length > MaxMessageIdLength)
        {
            issues.Invalid("client_message_id", $"at most {MaxMessageIdLength} characters, got {clientMessageId.Length}");
        }
    }
}
