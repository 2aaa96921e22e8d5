using Exchange.Adapters.Normalization;
using Exchange.Silo.Access;
using V1 = Exchange.Protos.V1;

namespace Exchange.Hub.Access;

/// <summary>Registry records to and from the access-administration wire messages.</summary>
internal static class AccessMapping
{
    public static SystemDefinition ToModel(this V1.SystemDefinition definition) => new(
        definition.SystemId.Trim(),
        definition.DisplayName,
        definition.Role switch
        {
            V1.SystemRole.Clinic => SystemRole.Clinic,
            V1.SystemRole.Hospital => SystemRole.Hospital,
            V1.SystemRole.Auditor => SystemRole.Auditor,
            V1.SystemRole.PublicPortal => SystemRole.PublicPortal,
            V1.SystemRole.Administrator => SystemRole.Administrator,
            V1.SystemRole.DiseaseControl => SystemRole.DiseaseControl,
            _ => 0,
        },
        TextCleaner.CleanCode(definition.UnitCode),
        TextCleaner.CleanCode(definition.RegionCode),
        [.. definition.OtherUnits.Select(unit => TextCleaner.CleanCode(unit) ?? string.Empty)]);

    public static V1.RegisteredSystem ToProto(this RegisteredSystem system, IEnumerable<ApiKey> keys, IEnumerable<ClientCertificate> certificates)
    {
        var proto = new V1.RegisteredSystem
        {
            Definition = new V1.SystemDefinition
            {
                SystemId = system.SystemId,
                DisplayName = system.DisplayName,
                Role = (V1.SystemRole)(int)system.Role,
                UnitCode = system.UnitCode ?? string.Empty,
                RegionCode = system.RegionCode ?? string.Empty,
                OtherUnits = { system.OtherUnits },
            },
            Enabled = system.Enabled,
            CreatedAt = CanonicalDates.Format(system.CreatedAt),
            UpdatedAt = CanonicalDates.Format(system.UpdatedAt),
        };
        proto.ApiKeys.AddRange(keys.Select(ToProto));
        proto.ClientCertificateThumbprints.AddRange(certificates.Select(certificate => certificate.Thumbprint));
        return proto;
    }

    public static V1.ApiKeyInfo ToProto(this ApiKey key) => new()
    {
        KeyId = key.KeyId,
        IssuedAt = CanonicalDates.Format(key.IssuedAt),
        ExpiresAt = key.ExpiresAt is { } expires ? CanonicalDates.Format(expires) : string.Empty,
        RevokedAt = key.RevokedAt is { } revoked ? CanonicalDates.Format(revoked) : string.Empty,
    };
}
