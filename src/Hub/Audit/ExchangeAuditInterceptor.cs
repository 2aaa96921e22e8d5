using Exchange.Hub.Callers;
using Exchange.Silo.Audit;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Exchange.Hub.Audit;

/// <summary>
/// Logs every gRPC exchange, whatever its outcome, and answers the caller only once the entry is durable: if the entry
/// cannot be written, the call fails UNAVAILABLE (a write may have been applied; its retry with the same
/// client_message_id changes nothing and is logged). Outermost interceptor, so it sees the status the caller gets.
/// </summary>
internal sealed class ExchangeAuditInterceptor(IExchangeRecorder recorder, ICallerResolver callers, TimeProvider time) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (!ExchangeOperations.IsAudited(context.Method))
        {
            return await continuation(request, context);
        }

        var started = time.GetTimestamp();
        var call = ExchangeCall.Begin(context, TryResolve(context));
        TResponse response;
        try
        {
            response = await continuation(request, context);
        }
        catch (Exception exception)
        {
            await RecordAsync(context, call, StatusOf(exception), started);
            throw;
        }

        await RecordAsync(context, call, StatusCode.OK, started);
        return response;
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        AroundStreamAsync(context, () => continuation(request, responseStream, context));

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        AroundStreamAsync(context, () => continuation(requestStream, responseStream, context));

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        TResponse response = default!;
        await AroundStreamAsync(context, async () => response = await continuation(requestStream, context));
        return response;
    }

    /// <summary>A stream gets one summary entry at its end; handlers that answer item by item log each item themselves.</summary>
    private async Task AroundStreamAsync(ServerCallContext context, Func<Task> continuation)
    {
        if (!ExchangeOperations.IsAudited(context.Method))
        {
            await continuation();
            return;
        }

        var started = time.GetTimestamp();
        var call = ExchangeCall.Begin(context, TryResolve(context));
        try
        {
            await continuation();
        }
        catch (Exception exception)
        {
            await RecordAsync(context, call, StatusOf(exception), started);
            throw;
        }

        await RecordAsync(context, call, StatusCode.OK, started);
    }

    private async Task RecordAsync(ServerCallContext context, ExchangeCall call, StatusCode status, long started)
    {
        var operation = ExchangeOperations.Name(context.Method);
        var (persons, clientMessageId, counts) = call.Snapshot();
        var entry = new ExchangeEntry(
            time.GetUtcNow(), ExchangeOperations.Grpc, operation, ExchangeOperations.KindOf(operation), call.Caller, persons, clientMessageId,
            ExchangeOperations.OutcomeOf(status), ExchangeOperations.StatusName(status), counts, (long)time.GetElapsedTime(started).TotalMilliseconds);
        try
        {
            await recorder.RecordAsync(entry, CancellationToken.None);
        }
        catch (ExchangeLogUnavailableException)
        {
            throw Unlogged();
        }
    }

    public static RpcException Unlogged() => new(new Status(
        StatusCode.Unavailable, "the exchange could not be recorded in the exchange log; retry with the same client_message_id"));

    private Caller? TryResolve(ServerCallContext context)
    {
        try
        {
            return callers.Resolve(context);
        }
        catch (RpcException)
        {
            return null;
        }
    }

    private static StatusCode StatusOf(Exception exception) => exception switch
    {
        RpcException rpc => rpc.StatusCode,
        OperationCanceledException => StatusCode.Cancelled,
        _ => StatusCode.Internal,
    };
}
