using Exchange.Adapters.Normalization;
using Exchange.Adapters.Schedule;
using Exchange.Hub.Access;
using Exchange.Hub.Audit;
using Exchange.Hub.Fhir.Endpoints;
using Exchange.Hub.Fhir.Errors;
using Exchange.Hub.Fhir.Http;
using Exchange.Hub.Quarantine;
using Exchange.Silo.Registry;
using Hl7.Fhir.Model;

namespace Exchange.Hub.Fhir.Forecast;

/// <summary>
/// The forecast over FHIR: GET ImmunizationRecommendation?patient=, and $immds-forecast (HL7 ImmDS IG) on the system
/// and on a stored Patient. Same engine and rule sets as the gRPC GetForecast, so both protocols agree.
/// </summary>
internal static class ForecastEndpoints
{
    public static RouteGroupBuilder MapForecastEndpoints(this RouteGroupBuilder fhir)
    {
        fhir.MapGet("/ImmunizationRecommendation", SearchAsync).Reads(ExchangeOperations.FhirRecommendationSearch);
        fhir.MapPost("/$immds-forecast", OperationAsync).Reads(ExchangeOperations.FhirImmdsForecast);
        fhir.MapMethods("/Patient/{id}/$immds-forecast", [HttpMethods.Get, HttpMethods.Post], PatientOperationAsync)
            .Reads(ExchangeOperations.FhirPatientImmdsForecast);
        return fhir;
    }

    /// <summary>GET ImmunizationRecommendation?patient=&amp;date=: a search set with the child's one recommendation.</summary>
    public static async Task<IResult> SearchAsync(HttpContext context, PersonDirectory directory, TimeProvider time)
    {
        var query = context.Request.Query;
        var patient = ForecastParameters.StoredId(query["patient"].ToString());
        if (patient.Length == 0)
        {
            return FhirResult.Error(FhirError.Invalid("patient", "ImmunizationRecommendation search needs patient (a hub id or Patient/<hub id>)"));
        }

        var (date, dateError) = AssessmentDates.Read(query["date"].ToString(), "date", Today(time));
        if (dateError is not null)
        {
            return FhirResult.Error(dateError);
        }

        var (subject, error) = await StoredAsync(context, directory, patient, "patient");
        var (assessment, assessError) = error is null ? Assess(subject!, date, "date") : (null, error);
        return assessError is not null
            ? FhirResult.Error(assessError)
            : FhirResult.Ok(FhirResponses.SearchSet(context.Request, [assessment!.ToRecommendation(subject!)]));
    }

    /// <summary>POST $immds-forecast with a Parameters body: a posted Patient (not stored) or a stored one by reference.</summary>
    public static async Task<IResult> OperationAsync(HttpContext context, PersonDirectory directory, QuarantineGate quarantine, TimeProvider time)
    {
        var (parameters, _, readError) = await FhirRequestReader.ReadAsync<Parameters>(context.Request);
        if (readError is not null)
        {
            return FhirResult.Error(readError);
        }

        var (input, inputError) = ForecastParameters.Read(parameters!, instance: false);
        if (inputError is not null)
        {
            return FhirResult.Error(inputError);
        }

        var (date, dateError) = AssessmentDates.Read(input!.AssessmentDate, ForecastParameters.AssessmentDatePath, Today(time));
        if (dateError is not null)
        {
            return FhirResult.Error(dateError);
        }

        var (subject, subjectError) = input.Patient is { } patient
            ? PostedChild.Read(patient, input.Immunizations, await quarantine.CodesForAsync(FhirRequestFilter.CallerOf(context)))
            : await StoredAsync(context, directory, input.PatientId!, ForecastParameters.PatientValuePath);
        return Respond(subject, subjectError, date, input.Patient is null ? ForecastParameters.AssessmentDatePath : $"{PostedChild.PatientPath}.birthDate");
    }

    /// <summary>GET or POST Patient/{id}/$immds-forecast: assessmentDate in the query or in a Parameters body.</summary>
    public static async Task<IResult> PatientOperationAsync(string id, HttpContext context, PersonDirectory directory, TimeProvider time)
    {
        var request = context.Request;
        var dateText = request.Query["assessmentDate"].ToString();
        var dateExpression = "assessmentDate";
        if (HttpMethods.IsPost(request.Method) && (request.ContentLength > 0 || request.ContentType is not null))
        {
            var (parameters, _, readError) = await FhirRequestReader.ReadAsync<Parameters>(request);
            var (input, inputError) = readError is null ? ForecastParameters.Read(parameters!, instance: true) : (null, readError);
            if (inputError is not null)
            {
                return FhirResult.Error(inputError);
            }

            if (input!.AssessmentDate is not null)
            {
                (dateText, dateExpression) = (input.AssessmentDate, ForecastParameters.AssessmentDatePath);
            }
        }

        var (date, dateError) = AssessmentDates.Read(dateText, dateExpression, Today(time));
        if (dateError is not null)
        {
            return FhirResult.Error(dateError);
        }

        var (subject, error) = await StoredAsync(context, directory, id, null);
        return Respond(subject, error, date, dateExpression);
    }

    private static FhirResult Respond(ForecastSubject? subject, FhirError? error, DateOnly date, string dateExpression)
    {
        var (assessment, assessError) = error is null ? Assess(subject!, date, dateExpression) : (null, error);
        if (assessError is not null)
        {
            return FhirResult.Error(assessError);
        }

        var (result, child) = (assessment!, subject!);
        var output = new Parameters();
        output.Parameter.Add(new Parameters.ParameterComponent { Name = "recommendation", Resource = result.ToRecommendation(child) });
        output.Parameter.AddRange(result.ToEvaluations(child)
            .Select(evaluation => new Parameters.ParameterComponent { Name = "evaluation", Resource = evaluation }));
        return FhirResult.Ok(output);
    }

    /// <summary>A stored child, named in the exchange log with its residence region; 404 when there is no such Patient.</summary>
    private static async Task<(ForecastSubject? Subject, FhirError? Error)> StoredAsync(
        HttpContext context, PersonDirectory directory, string hubId, string? expression)
    {
        var record = await directory.GetRecordAsync(hubId);
        if (record is null)
        {
            return (null, FhirError.NotFound(expression, $"no Patient {hubId}"));
        }

        context.Exchange().Touched(record.HubId, record.Demographics.ResidenceRegion);
        return (ForecastSubject.Stored(record), null);
    }

    // The same call as the gRPC GetForecast: the rule set in force on the date, doses judged by the set in force when given.
    private static (ScheduleAssessment? Assessment, FhirError? Error) Assess(ForecastSubject subject, DateOnly date, string dateExpression)
    {
        var result = ScheduleLibrary.Embedded.Assess(subject.Child, date);
        return result.Succeeded
            ? (result.Value, null)
            : (null, FhirError.Invalid(dateExpression, string.Join("; ", result.Issues.Select(issue => issue.Message))));
    }

    private static DateOnly Today(TimeProvider time) => ChinaCalendar.Today(time.GetUtcNow());

    private static RouteHandlerBuilder Reads(this RouteHandlerBuilder endpoint, string operation) =>
        endpoint.RequireAuthorization(AccessPolicies.ClinicalRead).WithExchangeLog(operation, ExchangeOperations.KindOf(operation));
}
