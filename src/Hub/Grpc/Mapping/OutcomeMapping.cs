using Exchange.Silo.Records;
using V1 = Exchange.Protos.V1;

namespace Exchange.Hub.Grpc.Mapping;

/// <summary>Write outcomes to wire results.</summary>
internal static class OutcomeMapping
{
    public static V1.VaccinationResult ToProto(this DoseOutcome outcome) => new()
    {
        Index = outcome.Index,
        EventId = outcome.EventId,
        Outcome = outcome.Kind switch
        {
            DoseOutcomeKind.Recorded => V1.VaccinationOutcome.Recorded,
            DoseOutcomeKind.Merged => V1.VaccinationOutcome.Merged,
            _ => V1.VaccinationOutcome.AlreadyRecorded,
        },
    };

    public static V1.RegisterChildResponse ToRegisterResponse(this PersonWriteOutcome outcome)
    {
        var response = new V1.RegisterChildResponse
        {
            HubId = outcome.HubId,
            Outcome = outcome.Created ? V1.RegistrationOutcome.Created : V1.RegistrationOutcome.Existing,
        };
        response.VaccinationResults.AddRange(outcome.Doses.Select(ToProto));
        return response;
    }

    public static V1.RecordVaccinationsResponse ToRecordResponse(this PersonWriteOutcome outcome)
    {
        var response = new V1.RecordVaccinationsResponse { HubId = outcome.HubId };
        response.Results.AddRange(outcome.Doses.Select(ToProto));
        return response;
    }
}
