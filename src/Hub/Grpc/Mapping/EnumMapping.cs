using Model = Exchange.Adapters.Model;
using V1 = Exchange.Protos.V1;

namespace Exchange.Hub.Grpc.Mapping;

/// <summary>Wire enums to canonical enums and back; an unspecified wire value maps to null where it means "not sent".</summary>
internal static class EnumMapping
{
    public static Model.IdentifierKind? ToModel(this V1.IdentifierKind kind) => kind switch
    {
        V1.IdentifierKind.HubId => Model.IdentifierKind.HubId,
        V1.IdentifierKind.ChildCode => Model.IdentifierKind.ChildCode,
        V1.IdentifierKind.VaccinationCertificate => Model.IdentifierKind.VaccinationCertificate,
        V1.IdentifierKind.BirthCertificate => Model.IdentifierKind.BirthCertificate,
        V1.IdentifierKind.ResidentId => Model.IdentifierKind.ResidentId,
        _ => null,
    };

    public static V1.IdentifierKind ToProto(this Model.IdentifierKind kind) => kind switch
    {
        Model.IdentifierKind.HubId => V1.IdentifierKind.HubId,
        Model.IdentifierKind.ChildCode => V1.IdentifierKind.ChildCode,
        Model.IdentifierKind.VaccinationCertificate => V1.IdentifierKind.VaccinationCertificate,
        Model.IdentifierKind.BirthCertificate => V1.IdentifierKind.BirthCertificate,
        Model.IdentifierKind.ResidentId => V1.IdentifierKind.ResidentId,
        _ => V1.IdentifierKind.Unspecified,
    };

    public static Model.Sex? ToModel(this V1.Sex sex) => sex switch
    {
        V1.Sex.Male => Model.Sex.Male,
        V1.Sex.Female => Model.Sex.Female,
        V1.Sex.NotKnown => Model.Sex.NotKnown,
        V1.Sex.NotStated => Model.Sex.NotStated,
        _ => null,
    };

    public static V1.Sex ToProto(this Model.Sex sex) => sex switch
    {
        Model.Sex.Male => V1.Sex.Male,
        Model.Sex.Female => V1.Sex.Female,
        Model.Sex.NotKnown => V1.Sex.NotKnown,
        _ => V1.Sex.NotStated,
    };

    // Wire values of RegisterStatus, Route, Site equal the canonical values by design.
    public static V1.RegisterStatus ToProto(this Model.RegisterStatus status) => (V1.RegisterStatus)(int)status;

    public static Model.Route ToModel(this V1.Route route) => Enum.IsDefined((Model.Route)(int)route) ? (Model.Route)(int)route : Model.Route.Unknown;

    public static V1.Route ToProto(this Model.Route route) => (V1.Route)(int)route;

    public static Model.Site ToModel(this V1.Site site) => Enum.IsDefined((Model.Site)(int)site) ? (Model.Site)(int)site : Model.Site.Unknown;

    public static V1.Site ToProto(this Model.Site site) => (V1.Site)(int)site;

    public static Model.VaccinationKind? ToModel(this V1.VaccinationKind kind) => kind switch
    {
        V1.VaccinationKind.Routine => Model.VaccinationKind.Routine,
        V1.VaccinationKind.Booster => Model.VaccinationKind.Booster,
        V1.VaccinationKind.SupplementaryCampaign => Model.VaccinationKind.SupplementaryCampaign,
        V1.VaccinationKind.Emergency => Model.VaccinationKind.Emergency,
        _ => null,
    };

    public static V1.VaccinationKind ToProto(this Model.VaccinationKind kind) => kind switch
    {
        Model.VaccinationKind.Booster => V1.VaccinationKind.Booster,
        Model.VaccinationKind.SupplementaryCampaign => V1.VaccinationKind.SupplementaryCampaign,
        Model.VaccinationKind.Emergency => V1.VaccinationKind.Emergency,
        _ => V1.VaccinationKind.Routine,
    };
}
