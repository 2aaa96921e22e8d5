using Exchange.Hub.Fhir.Errors;
using Hl7.Fhir.Model;

namespace Exchange.Hub.Fhir.Forecast;

/// <summary>
/// The input Parameters of $immds-forecast (HL7 ImmDS IG): assessmentDate, and patient as a Patient resource with
/// its doses in immunization parameters, or (a hub extension) as a reference to a stored Patient.
/// </summary>
internal sealed record ForecastParameters(string? AssessmentDate, Patient? Patient, string? PatientId, IReadOnlyList<Immunization> Immunizations)
{
    public const string AssessmentDatePath = "Parameters.parameter.where(name='assessmentDate').value";
    public const string PatientValuePath = "Parameters.parameter.where(name='patient')";

    /// <param name="instance">True on Patient/{id}/$immds-forecast, where the patient is the URL's and only assessmentDate may be sent.</param>
    public static (ForecastParameters? Input, FhirError? Error) Read(Parameters parameters, bool instance)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        string? date = null;
        Patient? patient = null;
        string? patientId = null;
        var immunizations = new List<Immunization>();
        for (var i = 0; i < parameters.Parameter.Count; i++)
        {
            var parameter = parameters.Parameter[i];
            var path = $"Parameters.parameter[{i}]";
            switch (parameter.Name)
            {
                case "assessmentDate":
                    date = parameter.Value switch
                    {
                        Date value => value.Value,
                        FhirDateTime value => value.Value,
                        FhirString value => value.Value,
                        _ => null,
                    };
                    if (date is null)
                    {
                        return Fail($"{path}.value", "assessmentDate is a valueDate (yyyy-MM-dd); valueDateTime and valueString are read too");
                    }

                    break;
                case "patient" when !instance:
                    patient = parameter.Resource as Patient;
                    patientId = (parameter.Value as ResourceReference)?.Reference is { } reference ? StoredId(reference) : null;
                    if (patient is null && string.IsNullOrEmpty(patientId))
                    {
                        return Fail(path, "patient is a Patient resource (evaluated without being stored) or a valueReference to a stored Patient (Patient/<hub id>)");
                    }

                    break;
                case "immunization" when !instance:
                    if (parameter.Resource is not Immunization immunization)
                    {
                        return Fail($"{path}.resource", "each immunization parameter holds an Immunization resource");
                    }

                    immunizations.Add(immunization);
                    break;
                default:
                    return Fail($"{path}.name", instance
                        ? $"'{parameter.Name}' is not an input here: Patient/{{id}}/$immds-forecast takes assessmentDate only"
                        : $"'{parameter.Name}' is not an input of $immds-forecast (assessmentDate, patient, immunization)");
            }
        }

        if (!instance && patient is null && patientId is null)
        {
            return Fail("Parameters.parameter", "the patient parameter is required");
        }

        if (patientId is not null && immunizations.Count > 0)
        {
            return Fail("Parameters.parameter.where(name='immunization')",
                "immunization parameters go with a Patient resource; a stored patient's doses are read from its record");
        }

        return (new ForecastParameters(date, patient, patientId, immunizations), null);
    }

    /// <summary>The hub id in "Patient/{id}", a full URL ending so, or a bare id.</summary>
    public static string StoredId(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var marker = reference.LastIndexOf("Patient/", StringComparison.Ordinal);
        return (marker >= 0 ? reference[(marker + "Patient/".Length)..] : reference).Trim();
    }

    private static (ForecastParameters?, FhirError?) Fail(string expression, string diagnostics) => (null, FhirError.Invalid(expression, diagnostics));
}
