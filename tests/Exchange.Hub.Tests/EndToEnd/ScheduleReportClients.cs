using System.Globalization;
using Exchange.Protos.V1;
using Exchange.Testing.Hosting;
using Exchange.Testing.Synthetic;

namespace Exchange.Hub.Tests.EndToEnd;

/// <summary>Report clients and children built with chosen birth dates, units and household regions.</summary>
internal static class ScheduleReportClients
{
    /// <summary>The reports as the provincial disease-control centre, which may read every area of the province.</summary>
    public static Task<ScheduleReports.ScheduleReportsClient> ReportsAsync(this HubProcess hub) => hub.DiseaseControlAsync("provincial-cdc", "420000");

    /// <summary>The reports as clinic system <paramref name="clinicSystemId"/>, which reports for every synthetic unit (units only).</summary>
    public static async Task<ScheduleReports.ScheduleReportsClient> ReportsAsync(this HubProcess hub, string clinicSystemId) =>
        new(await hub.CallerAsync(HubProcess.ClinicDefinition(clinicSystemId)));

    /// <summary>A registration of a synthetic child moved to the given birth date, unit and household region (no ID number, which would encode them).</summary>
    public static RegisterChildRequest Child(DateOnly birth, string unit, string householdRegion, params (string Vaccine, int Dose, DateOnly Date)[] doses)
    {
        var person = TestChildren.Next().ToPerson();
        person.BirthDate = Format(birth);
        person.BirthTime = string.Empty;
        person.ManagingUnit = unit;
        person.HouseholdRegion = householdRegion;
        person.ResidenceRegion = unit[..6];
        foreach (var identifier in person.Identifiers.Where(identifier => identifier.Kind == IdentifierKind.ResidentId).ToList())
        {
            person.Identifiers.Remove(identifier);
        }

        var request = new RegisterChildRequest { ClientMessageId = Guid.NewGuid().ToString("N"), Child = person };
        request.Vaccinations.AddRange(doses.Select(dose => new Vaccination
        {
            VaccineCode = dose.Vaccine,
            DoseNumber = dose.Dose,
            Date = Format(dose.Date),
            LotNumber = "L" + dose.Vaccine,
            AdministeringUnit = unit,
            Route = dose.Vaccine == "0101" ? Route.Intradermal : Route.Intramuscular,
            Kind = VaccinationKind.Routine,
        }));
        return request;
    }

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
