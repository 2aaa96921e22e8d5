using System.Net;
using System.Net.Sockets;

namespace Exchange.Testing.Hosting;

/// <summary>Loopback ports no one is listening on right now, and that this process has not handed out before.</summary>
/// <remarks>
/// The ports come from below Linux's ephemeral range (32768-60999). A port the OS picked for a listener on port 0 is an
/// ephemeral one, and between handing it out and the hub binding it, any outgoing connection on the machine (the hubs'
/// own PostgreSQL connections, in a parallel test run) may take it as its local port: the hub then fails to bind.
/// </remarks>
public static class FreePorts
{
    private const int First = 20000;
    private const int Count = 12000;

    private static readonly HashSet<int> HandedOut = [];

    public static int Next()
    {
        lock (HandedOut)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = First + Random.Shared.Next(Count);
                if (!HandedOut.Contains(port) && IsFree(port))
                {
                    HandedOut.Add(port);
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No free loopback port between {First} and {First + Count - 1}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
