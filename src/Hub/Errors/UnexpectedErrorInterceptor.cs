using System.Data.Common;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Exchange.Hub.Errors;

/// <summary>
/// Last line of the gRPC edge: an unexpected exception is logged with a correlation id and answered without
/// internals; a storage outage is answered UNAVAILABLE so the client retries with the same message id.
/// </summary>
internal sealed partial class UnexpectedErrorInterceptor(ILogger<UnexpectedErrorInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Translate(exception, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Translate(exception, context);
        }
    }

    private RpcException Translate(Exception exception, ServerCallContext context)
    {
        if (context.CancellationToken.IsCancellationRequested)
        {
            return new RpcException(new Status(StatusCode.Cancelled, "the call was cancelled"));
        }

        var correlationId = Guid.NewGuid().ToString("N");
        if (IsTransient(exception))
        {
            LogTransient(logger, context.Method, correlationId, exception.GetType().Name);
            return new RpcException(new Status(StatusCode.Unavailable, $"storage is unavailable; retry with the same client_message_id (correlation {correlationId})"));
        }

        LogUnexpected(logger, context.Method, correlationId, exception);
        return new RpcException(new Status(StatusCode.Internal, $"internal error (correlation {correlationId})"));
    }

    private static bool IsTransient(Exception exception) =>
        exception is DbException or TimeoutException or Orleans.Runtime.OrleansException
        || exception.InnerException is DbException or TimeoutException;

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Transient failure in {Method} ({CorrelationId}): {ExceptionType}")]
    private static partial void LogTransient(ILogger logger, string method, string correlationId, string exceptionType);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Unexpected failure in {Method} ({CorrelationId})")]
    private static partial void LogUnexpected(ILogger logger, string method, string correlationId, Exception exception);
}
