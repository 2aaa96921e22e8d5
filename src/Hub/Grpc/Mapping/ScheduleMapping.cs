using Exchange.Adapters.Normalization;
using Exchange.Adapters.Schedule;
using V1 = Exchange.Protos.V1;

namespace Exchange.Hub.Grpc.Mapping;

/// <summary>Schedule assessments to wire messages; wire enum values equal the canonical ones by design.</summary>
internal static class ScheduleMapping
{
    public static V1.GetForecastResponse ToProto(this ScheduleAssessment assessment, string hubId)
    {
        var response = new V1.GetForecastResponse
        {
            HubId = hubId,
            RuleSet = assessment.RuleSetId,
            AssessmentDate = CanonicalDates.Format(assessment.AssessedOn),
        };
        response.Forecasts.AddRange(assessment.Forecasts.Select(ToProto));
        response.Evaluations.AddRange(assessment.Evaluations.Select(ToProto));
        return response;
    }

    private static V1.SeriesForecast ToProto(SeriesForecast forecast) => new()
    {
        Series = forecast.SeriesId,
        Status = (V1.ForecastStatus)(int)forecast.Status,
        NextDose = forecast.NextDose ?? 0,
        VaccineCode = forecast.Product ?? string.Empty,
        EarliestDate = Format(forecast.Earliest),
        RecommendedDate = Format(forecast.Recommended),
        OverdueDate = Format(forecast.Overdue),
        Reason = forecast.Reason,
    };

    private static V1.DoseEvaluation ToProto(DoseEvaluation evaluation) => new()
    {
        Series = evaluation.SeriesId,
        EventId = evaluation.Dose.EventId ?? string.Empty,
        VaccineCode = evaluation.Dose.VaccineCode,
        Date = CanonicalDates.Format(evaluation.Dose.Date),
        DoseNumber = evaluation.DoseNumber ?? 0,
        Status = (V1.DoseStatus)(int)evaluation.Status,
        Timeliness = (V1.Timeliness)(int)evaluation.Timeliness,
        Reason = evaluation.Reason,
    };

    private static string Format(DateOnly? date) => date is { } value ? CanonicalDates.Format(value) : string.Empty;
}
