using System.Globalization;
using Exchange.Testing.Synthetic;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Exchange.Benchmark;

/// <summary>
/// FHIR transaction Bundles of one Patient and its first 15 doses (as a hospital system sends a child), serialized
/// with the Firely SDK before anything is timed. The children are drawn after the gRPC ones, so nothing is a duplicate.
/// </summary>
internal static class FhirBundles
{
    public const int DosesPerBundle = 15;
    private const string Sid = "https://exchange.hub/fhir/sid/";

    private static readonly BaseFhirJsonSerializer Serializer = new(ModelInfo.ModelInspector);

    public static byte[][] Generate(SyntheticPopulation population, int count)
    {
        ArgumentNullException.ThrowIfNull(population);
        var bundles = new List<byte[]>(count);
        while (bundles.Count < count)
        {
            var child = population.NextChild();
            if (child.Doses.Count >= DosesPerBundle)
            {
                bundles.Add(Serializer.SerializeToBytes(Transaction(child)));
            }
        }

        return [.. bundles];
    }

    private static Bundle Transaction(SyntheticChild child)
    {
        var patientUrl = "urn:uuid:" + Guid.NewGuid();
        var patient = new Patient
        {
            Identifier = [new Identifier(Sid + "child-code", child.ChildCode), new Identifier(Sid + "birth-certificate", child.BirthCertificateNumber)],
            Name = [new HumanName { Text = child.Name }],
            Gender = child.IsMale ? AdministrativeGender.Male : AdministrativeGender.Female,
            BirthDate = Date(child.BirthDate),
            ManagingOrganization = new ResourceReference { Identifier = new Identifier(Sid + "unit-code", child.ManagingUnit) },
        };
        patient.SetExtension("https://exchange.hub/fhir/StructureDefinition/residence-region", new Code(child.ResidenceRegion));
        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        Add(bundle, patientUrl, patient);
        foreach (var dose in child.Doses.Take(DosesPerBundle))
        {
            Add(bundle, "urn:uuid:" + Guid.NewGuid(), new Immunization
            {
                Status = Immunization.ImmunizationStatusCodes.Completed,
                VaccineCode = new CodeableConcept("https://exchange.hub/fhir/CodeSystem/vaccine-code", dose.VaccineCode),
                Patient = new ResourceReference(patientUrl),
                Occurrence = new FhirDateTime(Date(dose.Date)),
                LotNumber = dose.LotNumber,
                Performer = [new Immunization.PerformerComponent { Actor = new ResourceReference { Identifier = new Identifier(Sid + "unit-code", dose.AdministeringUnit) } }],
                ProtocolApplied = [new Immunization.ProtocolAppliedComponent { DoseNumber = new PositiveInt(dose.DoseNumber) }],
            });
        }

        return bundle;
    }

    private static void Add(Bundle bundle, string fullUrl, Resource resource) => bundle.Entry.Add(new Bundle.EntryComponent
    {
        FullUrl = fullUrl,
        Resource = resource,
        Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = resource.TypeName },
    });

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
