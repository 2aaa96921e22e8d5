using Exchange.Hub.Fhir.Bundles;
using Exchange.Hub.Fhir.Endpoints;
using Exchange.Hub.Fhir.Search;
using Exchange.Hub.Fhir.VaccineCodes;
using Exchange.Hub.Fhir.Writes;

namespace Exchange.Hub.Fhir.Hosting;

/// <summary>Registers the FHIR endpoint's services; <see cref="FhirEndpoints.MapFhirEndpoints"/> maps its routes.</summary>
internal static class FhirServiceCollectionExtensions
{
    public static IServiceCollection AddExchangeFhir(this IServiceCollection services)
    {
        services.AddSingleton<IFhirCallerResolver, FhirCallerResolver>();
        services.AddSingleton(VaccineCodeTranslator.Default);
        services.AddSingleton<WritePlanner>();
        services.AddSingleton<WriteExecutor>();
        services.AddSingleton<FhirWrites>();
        services.AddSingleton<BundleProcessor>();
        services.AddSingleton<PatientSearch>();
        services.AddSingleton<ImmunizationSearch>();
        return services;
    }
}
