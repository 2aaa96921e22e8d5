using Exchange.Adapters.Model;

namespace Exchange.Hub.Fhir.Writes;

/// <summary>
/// Numbers doses sent without protocolApplied.doseNumber: a dose is the next of its vaccine code by date, counting
/// the doses already on the record and those earlier in the same request. A dose already on the record (same code
/// and date) keeps its number, so a retry numbers it the same way.
/// </summary>
internal static class DoseNumbering
{
    /// <param name="doses">Code, date and the number sent (null when absent), in request order.</param>
    public static int[] Assign(IReadOnlyList<VaccinationEvent> stored, IReadOnlyList<(string Code, DateOnly Date, int? Number)> doses)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(doses);
        var numbers = new int[doses.Count];
        for (var i = 0; i < doses.Count; i++)
        {
            var (code, date, number) = doses[i];
            if (number is { } given)
            {
                numbers[i] = given;
                continue;
            }

            var same = stored.FirstOrDefault(e => e.IsValid && e.Dose.VaccineCode == code && e.Dose.Date == date);
            if (same is not null)
            {
                numbers[i] = same.Dose.DoseNumber;
                continue;
            }

            var earlierStored = stored.Count(e => e.IsValid && e.Dose.VaccineCode == code && e.Dose.Date < date);
            // A sent dose that is already on the record is counted once, as stored.
            var earlierSent = doses.Where((other, j) => other.Code == code && (other.Date < date || (other.Date == date && j < i))
                && !stored.Any(e => e.IsValid && e.Dose.VaccineCode == code && e.Dose.Date == other.Date)).Count();
            numbers[i] = 1 + earlierStored + earlierSent;
        }

        return numbers;
    }
}
