using Exchange.Adapters.CodeMaps;
using Exchange.Adapters.Model;
using Exchange.Adapters.Normalization;
using Exchange.Adapters.Schedule;
using Exchange.Hub.Fhir.Errors;
using Exchange.Hub.Fhir.Mapping;
using Exchange.Hub.Fhir.VaccineCodes;
using Hl7.Fhir.Model;

namespace Exchange.Hub.Fhir.Forecast;

/// <summary>
/// A child sent to $immds-forecast as a Patient with Immunizations, read into schedule facts only: nothing is stored.
/// Immunizations entered in error or not done are not doses the child had and are left out.
/// </summary>
internal static class PostedChild
{
    public const string PatientPath = "Parameters.parameter.where(name='patient').resource";

    /// <param name="codes">The caller's code map: posted Immunizations may carry the sender's local codes, as on writes.</param>
    public static (ForecastSubject? Subject, FhirError? Error) Read(Patient patient, IReadOnlyList<Immunization> immunizations, ICodeTranslator codes)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(immunizations);
        if (!CanonicalDates.TryParseDate(patient.BirthDate, out var birthDate))
        {
            return (null, FhirError.Invalid($"{PatientPath}.birthDate", patient.BirthDate is null
                ? "the Patient needs a birthDate: the schedule counts from it"
                : $"'{patient.BirthDate}' is not a full date (yyyy-MM-dd)"));
        }

        var doses = new List<GivenDose>();
        for (var i = 0; i < immunizations.Count; i++)
        {
            var immunization = immunizations[i];
            if (immunization.Status is Immunization.ImmunizationStatusCodes.EnteredInError or Immunization.ImmunizationStatusCodes.NotDone)
            {
                continue;
            }

            if (OfAnotherPatient(immunization, patient))
            {
                return (null, FhirError.Invalid(
                    $"Parameters.parameter.where(name='immunization')[{i}].resource.patient",
                    $"'{immunization.Patient!.Reference}' is not the posted Patient (Patient/{patient.Id}): every immunization must be the patient's own"));
            }

            var (input, error) = ImmunizationInput.From(immunization, VaccineCodeTranslator.Default, codes);
            if (error is not null)
            {
                return (null, error.Under($"Parameters.parameter.where(name='immunization')[{i}].resource"));
            }

            if (!CanonicalDates.TryParseDate(input!.Reported.Date, out var date))
            {
                return (null, FhirError.Invalid($"Parameters.parameter.where(name='immunization')[{i}].resource.occurrence", $"'{input.Reported.Date}' is not a date"));
            }

            doses.Add(new GivenDose(input.Coding.NationalCode, date, immunization.Id));
        }

        var reference = patient.Id is { } id ? new ResourceReference($"Patient/{id}") : new ResourceReference { Display = "the Patient of the request (not stored)" };
        return (new ForecastSubject(new ScheduleSubject(birthDate, PatientInput.SexOf(patient.Gender) ?? Sex.NotKnown, doses), reference, null, null), null);
    }

    // Only checkable when the posted Patient has an id; a reference may be relative or a full URL ending in Patient/<id>.
    private static bool OfAnotherPatient(Immunization immunization, Patient patient) =>
        patient.Id is { Length: > 0 } id
        && immunization.Patient?.Reference is { Length: > 0 } reference
        && reference != $"Patient/{id}"
        && !reference.EndsWith($"/Patient/{id}", StringComparison.Ordinal);
}
