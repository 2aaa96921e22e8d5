using Exchange.Adapters.Normalization;
using Exchange.Adapters.Schedule;
using Exchange.Hub.Fhir.Mapping;
using Hl7.Fhir.Model;

namespace Exchange.Hub.Fhir.Forecast;

/// <summary>
/// A schedule assessment as FHIR: one ImmunizationRecommendation with a recommendation per series, and one
/// ImmunizationEvaluation per evaluated dose and series (a combination vaccine is evaluated in each of its series).
/// </summary>
internal static class ForecastOutput
{
    public static ImmunizationRecommendation ToRecommendation(this ScheduleAssessment assessment, ForecastSubject subject)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(subject);
        var rules = RuleSet(assessment);
        var recommendation = new ImmunizationRecommendation
        {
            Id = subject.HubId is { } hubId ? $"{hubId}-{assessment.AssessedOn:yyyyMMdd}" : null,
            Patient = subject.Patient,
            Date = CanonicalDates.Format(assessment.AssessedOn),
            Authority = new ResourceReference { Display = $"National Immunization Program, rule set {assessment.RuleSetId}: {rules.Title}" },
        };
        foreach (var forecast in assessment.Forecasts)
        {
            var series = rules.Series.FirstOrDefault(candidate => candidate.Id == forecast.SeriesId);
            var supporting = assessment.Evaluations
                .Where(evaluation => evaluation.SeriesId == forecast.SeriesId && evaluation.Status == DoseStatus.Valid)
                .Select(evaluation => ForecastSubject.DoseReference(evaluation.Dose));
            recommendation.Recommendation.Add(Recommend(forecast, series, supporting));
        }

        return recommendation;
    }

    public static IEnumerable<ImmunizationEvaluation> ToEvaluations(this ScheduleAssessment assessment, ForecastSubject subject)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(subject);
        var rules = RuleSet(assessment);
        return assessment.Evaluations.Select(evaluation => Evaluate(evaluation, rules.Series.FirstOrDefault(s => s.Id == evaluation.SeriesId), assessment.AssessedOn, subject));
    }

    private static ImmunizationRecommendation.RecommendationComponent Recommend(SeriesForecast forecast, Series? series, IEnumerable<ResourceReference> supporting)
    {
        var component = new ImmunizationRecommendation.RecommendationComponent
        {
            TargetDisease = ForecastCodes.SeriesConcept(series, forecast.SeriesId),
            ForecastStatus = ForecastCodes.Status(forecast.Status),
            ForecastReason = [new CodeableConcept { Text = forecast.Reason }],
            Description = forecast.Reason,
            Series = forecast.SeriesId,
            SupportingImmunization = [.. supporting],
        };
        if (forecast.Product is { } product)
        {
            component.VaccineCode = [ImmunizationOutput.VaccineCode(product)];
        }

        if (forecast.NextDose is { } next)
        {
            component.DoseNumber = new PositiveInt(next);
        }

        if (series is not null)
        {
            component.SeriesDoses = new PositiveInt(series.Doses.Count);
        }

        AddDate(component, ForecastCodes.EarliestDate, forecast.Earliest);
        AddDate(component, ForecastCodes.DueDate, forecast.Recommended);
        AddDate(component, ForecastCodes.OverdueDate, forecast.Overdue);

        // The engine's Latest is the first day the dose is no longer forecast; LOINC 59777-3 is the last day to give it.
        AddDate(component, ForecastCodes.LatestDate, forecast.Latest?.AddDays(-1));
        return component;
    }

    private static ImmunizationEvaluation Evaluate(DoseEvaluation evaluation, Series? series, DateOnly assessedOn, ForecastSubject subject)
    {
        var valid = evaluation.Status == DoseStatus.Valid;
        var result = new ImmunizationEvaluation
        {
            Id = evaluation.Dose.EventId is { } eventId ? $"{eventId}-{evaluation.SeriesId}" : null,
            Status = ImmunizationEvaluation.ImmunizationEvaluationStatusCodes.Completed,
            Patient = subject.Patient,
            Date = CanonicalDates.Format(assessedOn),
            TargetDisease = ForecastCodes.SeriesConcept(series, evaluation.SeriesId),
            ImmunizationEvent = ForecastSubject.DoseReference(evaluation.Dose),
            DoseStatus = ForecastCodes.DoseValidity(valid),
            Description = evaluation.Reason,
            Series = evaluation.SeriesId,
        };
        if (!valid)
        {
            result.DoseStatusReason = [ForecastCodes.Reason(evaluation.Status, evaluation.Reason)];
        }
        else
        {
            result.SetExtension(ForecastCodes.Timeliness, new Code(evaluation.Timeliness == Timeliness.Late ? "late" : "timely"));
        }

        if (evaluation.DoseNumber is { } number)
        {
            result.DoseNumber = new PositiveInt(number);
        }

        if (series is not null)
        {
            result.SeriesDoses = new PositiveInt(series.Doses.Count);
        }

        return result;
    }

    private static void AddDate(ImmunizationRecommendation.RecommendationComponent component, string loinc, DateOnly? date)
    {
        if (date is { } value)
        {
            component.DateCriterion.Add(new ImmunizationRecommendation.DateCriterionComponent
            {
                Code = ForecastCodes.DateCode(loinc),
                Value = CanonicalDates.Format(value),
            });
        }
    }

    private static ScheduleRuleSet RuleSet(ScheduleAssessment assessment) =>
        ScheduleLibrary.Embedded.RuleSets.First(rules => rules.Id == assessment.RuleSetId);
}
