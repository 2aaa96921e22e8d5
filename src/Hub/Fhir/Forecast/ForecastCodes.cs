using Exchange.Adapters.Schedule;
using Hl7.Fhir.Model;

namespace Exchange.Hub.Fhir.Forecast;

/// <summary>
/// The codes of forecast outputs. Standard codes where they exist: the HL7 forecast-status and dose-status code
/// systems, and the LOINC dates of the HL7 immunizationForecastDate value set used by the ImmDS IG; the hub's own codes
/// beside them say exactly what the schedule engine decided.
/// </summary>
internal static class ForecastCodes
{
    public const string Loinc = "http://loinc.org";

    /// <summary>LOINC 30981-5 "Earliest date to give".</summary>
    public const string EarliestDate = "30981-5";

    /// <summary>LOINC 30980-7 "Date vaccine due": the recommended date.</summary>
    public const string DueDate = "30980-7";

    /// <summary>LOINC 59778-1 "Date when overdue for immunization": the first day the dose is no longer timely (及时).</summary>
    public const string OverdueDate = "59778-1";

    /// <summary>LOINC 59777-3 "Latest date to give immunization": the last day the dose is still forecast.</summary>
    public const string LatestDate = "59777-3";

    public const string RecommendationStatus = "http://terminology.hl7.org/CodeSystem/immunization-recommendation-status";
    public const string DoseStatusSystem = "http://terminology.hl7.org/CodeSystem/immunization-evaluation-dose-status";
    public const string DoseStatusReasonSystem = "http://terminology.hl7.org/CodeSystem/immunization-evaluation-dose-status-reason";

    /// <summary>The hub's forecast statuses: not-yet-due, due, overdue, complete, no-longer-recommended, not-applicable.</summary>
    public const string HubForecastStatus = FhirSystems.Base + "/CodeSystem/forecast-status";

    /// <summary>The hub's reasons a dose does not count: too-early, interval-too-short, not-counted.</summary>
    public const string HubDoseStatusReason = FhirSystems.Base + "/CodeSystem/dose-status-reason";

    /// <summary>The series of the NIP rule sets (HepB, BCG, DTaP, ...), as targetDisease.</summary>
    public const string SeriesSystem = FhirSystems.Base + "/CodeSystem/schedule-series";

    /// <summary>ImmunizationEvaluation extension (valueCode timely | late): timeliness (及时) of a valid dose.</summary>
    public const string Timeliness = FhirSystems.Base + "/StructureDefinition/dose-timeliness";

    /// <summary>
    /// The forecast status: the HL7 code where one fits (a dose not yet due is "due" with a future earliest date;
    /// a series the child is past or not eligible for is "contraindicated", no further doses) and the hub's code.
    /// </summary>
    public static CodeableConcept Status(ForecastStatus status)
    {
        var (hl7, hub, text) = status switch
        {
            ForecastStatus.NotYetDue => ("due", "not-yet-due", "Not yet due"),
            ForecastStatus.Due => ("due", "due", "Due"),
            ForecastStatus.Overdue => ("overdue", "overdue", "Overdue"),
            ForecastStatus.Complete => ("complete", "complete", "Complete"),
            ForecastStatus.NoLongerRecommended => ("contraindicated", "no-longer-recommended", "No longer recommended"),
            _ => ("contraindicated", "not-applicable", "Not applicable"),
        };
        var concept = new CodeableConcept(RecommendationStatus, hl7) { Text = text };
        concept.Coding.Add(new Coding(HubForecastStatus, hub, text));
        return concept;
    }

    public static CodeableConcept DateCode(string loinc) => new(Loinc, loinc, loinc switch
    {
        EarliestDate => "Earliest date to give",
        DueDate => "Date vaccine due",
        OverdueDate => "Date when overdue for immunization",
        _ => "Latest date to give immunization",
    });

    public static CodeableConcept SeriesConcept(Series? series, string seriesId) =>
        new(SeriesSystem, seriesId, series?.Name) { Text = series?.Name ?? seriesId };

    public static CodeableConcept DoseValidity(bool valid) =>
        new(DoseStatusSystem, valid ? "valid" : "notvalid", valid ? "Valid" : "Not valid");

    /// <summary>Why a dose does not count; too early and too short an interval are "outside the schedule" in HL7 terms.</summary>
    public static CodeableConcept Reason(DoseStatus status, string reason)
    {
        var concept = new CodeableConcept { Text = reason };
        if (status is DoseStatus.TooEarly or DoseStatus.IntervalTooShort)
        {
            concept.Coding.Add(new Coding(DoseStatusReasonSystem, "outsidesched", "Administered outside recommended schedule"));
        }

        var hub = status switch
        {
            DoseStatus.TooEarly => "too-early",
            DoseStatus.IntervalTooShort => "interval-too-short",
            _ => "not-counted",
        };
        concept.Coding.Add(new Coding(HubDoseStatusReason, hub));
        return concept;
    }
}
