namespace Exchange.Hub.Quarantine;

internal static class QuarantineServiceCollectionExtensions
{
    /// <summary>The quarantine gate of the edges, the resubmitter and the replays of the clinic API's and the FHIR endpoint's operations.</summary>
    public static IServiceCollection AddExchangeQuarantine(this IServiceCollection services)
    {
        services.AddSingleton<QuarantineGate>();
        services.AddSingleton<QuarantineResubmitter>();
        services.AddSingleton<IQuarantineReplay, RegisterChildReplay>();
        services.AddSingleton<IQuarantineReplay, RecordVaccinationsReplay>();
        services.AddSingleton<IQuarantineReplay, BulkUploadItemReplay>();
        foreach (var operation in FhirReplay.Operations)
        {
            services.AddSingleton<IQuarantineReplay>(provider => new FhirReplay(operation, provider.GetRequiredService<Fhir.Writes.FhirWrites>()));
        }

        return services;
    }
}
