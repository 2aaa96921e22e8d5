using Microsoft.Extensions.Hosting;
using Orleans.TestingHost;

namespace Exchange.Silo.Tests.Storage;

internal static class TestSiloEnvironment
{
    /// <summary>
    /// Runs the test silos and client as Production. In Development Orleans checks codecs for every grain interface in every
    /// referenced assembly at start, so these storage tests would also fail on unrelated grain contracts.
    /// </summary>
    public static InProcessTestClusterBuilder AsProduction(this InProcessTestClusterBuilder builder) =>
        builder
            .ConfigureSiloHost((_, host) => host.Environment.EnvironmentName = Environments.Production)
            .ConfigureClientHost(host => host.Environment.EnvironmentName = Environments.Production);
}
