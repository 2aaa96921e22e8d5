using Exchange.Adapters.CodeSystems;
using Exchange.Adapters.Model;
using Exchange.Adapters.Normalization;
using V1 = Exchange.Protos.V1;

namespace Exchange.Hub.PublicLookup;

/// <summary>A record as the public may see it: masked name, birth month and doses; no identifier of anyone.</summary>
internal static class PublicRecordMapping
{
    public static V1.PublicChild ToPublic(this PersonRecord record)
    {
        var child = new V1.PublicChild
        {
            MaskedName = NameMasking.Mask(record.Demographics.Name),
            BirthMonth = record.Demographics.BirthDate.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
        };
        child.Doses.AddRange(record.Vaccinations.Select(vaccination => new V1.PublicDose
        {
            VaccineCode = vaccination.Dose.VaccineCode,
            VaccineName = HubCodeSystems.Default.Vaccines.Find(vaccination.Dose.VaccineCode)?.Name ?? string.Empty,
            DoseNumber = vaccination.Dose.DoseNumber,
            Date = CanonicalDates.Format(vaccination.Dose.Date),
            AdministeringUnit = vaccination.Dose.AdministeringUnit,
        }));
        return child;
    }
}
