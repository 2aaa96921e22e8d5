namespace Exchange.Benchmark;

/// <summary>The run cannot produce valid numbers (an item was rejected, a record came back wrong, the hub died).</summary>
public sealed class BenchmarkException : Exception
{
    public BenchmarkException()
    {
    }

    public BenchmarkException(string message)
        : base(message)
    {
    }

    public BenchmarkException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
