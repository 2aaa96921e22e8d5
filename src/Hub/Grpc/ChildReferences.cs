using Exchange.Adapters.Model;
using Exchange.Adapters.Normalization;
using Exchange.Hub.Errors;
using Exchange.Hub.Grpc.Mapping;
using Exchange.Silo.Registry;
using V1 = Exchange.Protos.V1;

namespace Exchange.Hub.Grpc;

/// <summary>Resolves a request's child reference (hub id or identifier) to a hub id, or fails the call precisely.</summary>
internal static class ChildReferences
{
    public static async Task<string> ResolveChildAsync(this PersonDirectory directory, V1.ChildReference? reference, string field)
    {
        switch (reference?.KeyCase)
        {
            case V1.ChildReference.KeyOneofCase.HubId when !string.IsNullOrWhiteSpace(reference.HubId):
                return reference.HubId.Trim().ToLowerInvariant();
            case V1.ChildReference.KeyOneofCase.Identifier:
                var issues = new IssueCollector();
                var identifier = IdentifierNormalizer.NormalizeOne(reference.Identifier.ToReported(), $"{field}.identifier", issues, forLookup: true);
                if (identifier is null)
                {
                    throw RpcErrors.FromIssues(issues.Issues);
                }

                return await directory.ResolveAsync(identifier) ?? throw RpcErrors.NotFound("no child has this identifier");
            default:
                throw RpcErrors.Invalid(field, "name the child by hub_id or by an identifier");
        }
    }

    /// <summary>The referenced child's record, or the call fails with NOT_FOUND.</summary>
    public static async Task<PersonRecord> LoadChildAsync(this PersonDirectory directory, V1.ChildReference? reference, string field)
    {
        var hubId = await directory.ResolveChildAsync(reference, field);
        return await directory.Person(hubId).GetAsync() ?? throw RpcErrors.NotFound("no child has this hub id");
    }
}
