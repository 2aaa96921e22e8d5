using Exchange.Protos.V1;
using Exchange.Testing.Hosting;
using Exchange.Testing.Synthetic;
using Grpc.Core;

namespace Exchange.Hub.Tests.EndToEnd;

/// <summary>The hub's application log never carries the names, ID numbers or phone numbers it handles.</summary>
public sealed class PersonalDataLogTests
{
    [Fact]
    public async Task HubLog_AfterTrafficWithPersonalData_ContainsNoneOfIt()
    {
        await using var hub = await HubProcess.StartAsync(HubSettings.Sqlite());
        var clinic = await hub.ClinicAsync();
        var children = Enumerable.Range(0, 10).Select(_ => TestChildren.WithDoses(1)).ToList();

        foreach (var child in children)
        {
            await clinic.RegisterChildAsync(child.ToRegisterRequest(Guid.NewGuid().ToString("N")));
            await clinic.GetRecordAsync(new GetRecordRequest { Child = child.ByChildCode() });
            await clinic.FindChildrenAsync(new FindChildrenRequest { MotherIdNumber = child.Mother.IdNumber });
            var bad = child.ToRegisterRequest(Guid.NewGuid().ToString("N"));
            bad.Child.BirthDate = "not a date";
            await Assert.ThrowsAsync<RpcException>(async () => await clinic.RegisterChildAsync(bad));
        }

        using var upload = clinic.BulkUpload();
        foreach (var child in children)
        {
            await upload.RequestStream.WriteAsync(child.ToBulkItem(Guid.NewGuid().ToString("N")));
        }

        await upload.RequestStream.CompleteAsync();
        await foreach (var _ in upload.ResponseStream.ReadAllAsync())
        {
        }

        var log = hub.Output;
        Assert.Contains("Bulk upload from clinic-test ended", log, StringComparison.Ordinal);
        foreach (var child in children)
        {
            string?[] personal = [child.Name, child.ChildCode, child.BirthCertificateNumber, child.ResidentIdNumber, child.Mother.Name, child.Mother.IdNumber, child.Mother.Phone];
            foreach (var value in personal.OfType<string>())
            {
                Assert.DoesNotContain(value, log, StringComparison.Ordinal);
            }
        }
    }
}
