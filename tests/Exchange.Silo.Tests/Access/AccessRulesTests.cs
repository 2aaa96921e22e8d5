using Exchange.Silo.Access;

namespace Exchange.Silo.Tests.Access;

public sealed class AccessRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Check_ClinicWithoutUnit_NamesUnitCode()
    {
        var issues = AccessRules.Check(new SystemDefinition("clinic-1", "Clinic", SystemRole.Clinic, null, null, []));

        Assert.Equal("system.unit_code", Assert.Single(issues).Field);
    }

    [Fact]
    public void Check_BadIdRoleAndUnits_NamesEachField()
    {
        var issues = AccessRules.Check(new SystemDefinition("Bad Id", " ", 0, "12345", "999999", ["4201020101", "x"]));

        Assert.Equal(
            ["system.system_id", "system.display_name", "system.role", "system.unit_code", "system.other_units", "system.other_units[1]", "system.region_code"],
            issues.Select(issue => issue.Field));
    }

    [Fact]
    public void Check_PortalWithoutUnit_Accepted() =>
        Assert.Empty(AccessRules.Check(new SystemDefinition("portal", "Portal", SystemRole.PublicPortal, null, "420100", [])));

    [Fact]
    public void HasUsableAdministrator_OnlyRevokedOrExpiredKeysOrDisabledSystem_False()
    {
        var state = new AccessRegistryState();
        state.Systems["admin"] = new RegisteredSystem("admin", "Admin", SystemRole.Administrator, null, null, [], true, Now, Now);
        state.Systems["off"] = new RegisteredSystem("off", "Off", SystemRole.Administrator, null, null, [], false, Now, Now);
        state.Keys["k1"] = new ApiKey("k1", "admin", "00", Now, null, Now);
        state.Keys["k2"] = new ApiKey("k2", "admin", "00", Now, Now.AddDays(-1), null);
        state.Keys["k3"] = new ApiKey("k3", "off", "00", Now, null, null);
        Assert.False(AccessRules.HasUsableAdministrator(state, Now));

        state.Keys["k4"] = new ApiKey("k4", "admin", "00", Now, Now.AddDays(1), null);
        Assert.True(AccessRules.HasUsableAdministrator(state, Now));
    }
}
