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

    /// <summary>
    /// The referenced child's hub id when it can be told without failing (a well-formed hub id, or an identifier the
    /// index knows), else null: names the child in the exchange log of a call rejected before it reached the record.
    /// </summary>
    public static async Task<string?> TryResolveChildAsync(this PersonDirectory directory, V1.ChildReference? reference)
    {
        if (reference?.KeyCase == V1.ChildReference.KeyOneofCase.HubId)
        {
            var hubId = reference.HubId.Trim().ToLowerInvariant();
            return Audit.AddressedPerson.IsHubId(hubId) ? hubId : null;
        }

        if (reference?.KeyCase != V1.ChildReference.KeyOneofCase.Identifier)
        {
            return null;
        }

        var identifier = IdentifierNormalizer.NormalizeOne(reference.Identifier.ToReported(), "child.identifier", new IssueCollector(), forLookup: true);
        return identifier is null ? null : await directory.ResolveAsync(identifier);
    }

    /// <summary>The referenced child's record, or the call fails with NOT_FOUND.</summary>
    public static async Task<PersonRecord> LoadChildAsync(this PersonDirectory directory, V1.ChildReference? reference, string field)
    {
        var hubId = await directory.ResolveChildAsync(reference, field);
        return await directory.GetRecordAsync(hubId) ?? throw RpcErrors.NotFound("no child has this hub id");
    }
}
