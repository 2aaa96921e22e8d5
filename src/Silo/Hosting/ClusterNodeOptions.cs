using System.Net;

namespace Exchange.Silo.Hosting;

/// <summary>How this node joins its cluster. Configuration section "Cluster".</summary>
public sealed class ClusterNodeOptions
{
    public const string Section = "Cluster";

    /// <summary>Nodes with the same cluster id form one cluster (PostgreSQL storage only; SQLite runs one node).</summary>
    public string ClusterId { get; set; } = "exchange";

    /// <summary>Identifies the stored data; keep it stable across deployments.</summary>
    public string ServiceId { get; set; } = "exchange";

    /// <summary>Port for silo-to-silo traffic.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port for external Orleans clients.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Address other silos reach this one at.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(ClusterId) || string.IsNullOrWhiteSpace(ServiceId))
        {
            yield return "Cluster:ClusterId and Cluster:ServiceId must not be empty.";
        }

        if (SiloPort is < 1 or > 65535 || GatewayPort is < 1 or > 65535)
        {
            yield return $"Cluster:SiloPort ({SiloPort}) and Cluster:GatewayPort ({GatewayPort}) must be TCP ports (1-65535).";
        }

        if (!IPAddress.TryParse(AdvertisedAddress, out _))
        {
            yield return $"Cluster:AdvertisedAddress '{AdvertisedAddress}' is not an IP address.";
        }
    }
}
