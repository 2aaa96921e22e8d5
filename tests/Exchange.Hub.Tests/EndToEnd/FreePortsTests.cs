using System.Net;
using System.Net.Sockets;
using Exchange.Testing.Hosting;

namespace Exchange.Hub.Tests.EndToEnd;

/// <summary>The ports test hubs listen on: never ones the OS hands to outgoing connections, never one twice.</summary>
public sealed class FreePortsTests
{
    [Fact]
    public void Next_ManyTimes_DistinctBindablePortsBelowTheEphemeralRange()
    {
        var ephemeralFirst = int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split('\t', ' ')[0], System.Globalization.CultureInfo.InvariantCulture);

        var ports = Enumerable.Range(0, 200).Select(_ => FreePorts.Next()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, port => Assert.InRange(port, 1024, ephemeralFirst - 1));
        Assert.All(ports, port =>
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
        });
    }
}
