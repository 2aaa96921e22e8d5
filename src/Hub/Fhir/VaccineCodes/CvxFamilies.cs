namespace Exchange.Hub.Fhir.VaccineCodes;

/// <summary>
/// CVX codes that name a specific formulation of a vaccine whose national code maps to a broader CVX, e.g. CVX 08
/// (HepB pediatric) to CVX 45 (HepB unspecified) and so to national 0201. The groups follow the CDC's CVX vaccine
/// groups; the specific CVX is kept on the dose beside the national code.
/// </summary>
internal static class CvxFamilies
{
    private static readonly Dictionary<string, string> Broader = Build(
        ("45", ["08", "42", "43", "44", "189"]), // HepB: pediatric, adolescent 2-dose, adult, dialysis, CpG-adjuvanted
        ("88", ["15", "111", "135", "140", "141", "144", "149", "150", "151", "153", "155", "158", "161", "166", "168", "171", "185", "186", "197", "200", "201", "205"]), // influenza formulations
        ("20", ["106", "107"]), // DTaP 5-component, DTaP unspecified
        ("17", ["46", "47", "48", "49"]), // Hib PRP-D, HbOC, PRP-T, PRP-OMP
        ("122", ["74", "119"]), // rotavirus tetravalent, monovalent
        ("85", ["31", "52", "83", "84"]), // HepA pediatric unspecified, adult, 2-dose, 3-dose
        ("139", ["09", "113", "138"]), // Td adsorbed, preservative free, not adsorbed
        ("10", ["89"]), // polio unspecified: IPV is the only polio vaccine outside bOPV now in use
        // No national product of the exact kind: the nearest product of the same vaccine group, CVX kept on the dose.
        ("32", ["108", "114", "136", "147", "203"]), // MenACWY conjugates -> ACYW135 polysaccharide (1703)
        ("20", ["115"])); // Tdap -> DTaP (0402)

    /// <summary>The CVX code of the family that <paramref name="cvx"/> belongs to, or null.</summary>
    public static string? BroaderOf(string cvx) => Broader.GetValueOrDefault(cvx);

    private static Dictionary<string, string> Build(params (string Family, string[] Members)[] families)
    {
        var broader = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (family, members) in families)
        {
            foreach (var member in members)
            {
                broader.Add(member, family);
            }
        }

        return broader;
    }
}
