using Finsam.Platform.Errors;
using Finsam.Platform.Grpc;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;

namespace Finsam.UnitTests.Platform;

public sealed class ErrorMappingInterceptorTests
{
    [Fact]
    public void Validation_failure_is_invalid_argument_with_a_bad_request_naming_each_field()
    {
        var ex = new ValidationFailedException([
            new FieldViolation("personnummer", "Personnumret har fel format."),
            new FieldViolation("given_name", "Förnamn saknas."),
        ]);

        var status = ErrorMappingInterceptor.ToStatus(ex);

        Assert.Equal(3, status.Code);
        Assert.Equal((int)Code.InvalidArgument, status.Code);
        var detail = Assert.Single(status.Details);
        Assert.True(detail.Is(BadRequest.Descriptor));
        var badRequest = detail.Unpack<BadRequest>();
        Assert.Equal(["personnummer", "given_name"], badRequest.FieldViolations.Select(v => v.Field));
        Assert.Equal(["Personnumret har fel format.", "Förnamn saknas."], badRequest.FieldViolations.Select(v => v.Description));
    }

    [Fact]
    public void Already_exists_is_code_6_with_error_info_reason()
    {
        var status = ErrorMappingInterceptor.ToStatus(new AlreadyExistsException("PERSONNUMMER_ALREADY_REGISTERED", "Personnumret är redan registrerat."));

        Assert.Equal(6, status.Code);
        Assert.Equal("Personnumret är redan registrerat.", status.Message);
        var info = Assert.Single(status.Details).Unpack<ErrorInfo>();
        Assert.Equal("PERSONNUMMER_ALREADY_REGISTERED", info.Reason);
        Assert.Equal(ErrorMappingInterceptor.ErrorDomain, info.Domain);
    }

    [Theory]
    [InlineData(typeof(NotFoundException), 5)]
    [InlineData(typeof(ConcurrencyConflictException), 10)]
    [InlineData(typeof(PreconditionFailedException), 9)]
    [InlineData(typeof(AlreadyExistsException), 6)]
    public void Domain_errors_map_to_their_canonical_codes(Type exceptionType, int expectedCode)
    {
        var ex = (DomainErrorException)Activator.CreateInstance(exceptionType, "SOME_REASON", "Något gick fel.")!;

        var status = ErrorMappingInterceptor.ToStatus(ex);

        Assert.Equal(expectedCode, status.Code);
        Assert.Equal("SOME_REASON", Assert.Single(status.Details).Unpack<ErrorInfo>().Reason);
    }

    [Fact]
    public async Task Handler_turns_a_validation_failure_into_an_rpc_exception_with_details()
    {
        var interceptor = new ErrorMappingInterceptor(NullLogger<ErrorMappingInterceptor>.Instance);

        var rpc = await Assert.ThrowsAsync<RpcException>(() => interceptor.UnaryServerHandler<string, string>(
            "request",
            new FakeServerCallContext(),
            (_, _) => throw new ValidationFailedException([new FieldViolation("gender", "Kön saknas.")])));

        Assert.Equal(StatusCode.InvalidArgument, rpc.StatusCode);
        var status = rpc.GetRpcStatus();
        Assert.NotNull(status);
        Assert.Equal("gender", Assert.Single(Assert.Single(status.Details).Unpack<BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task Handler_hides_unexpected_exceptions_behind_internal()
    {
        var interceptor = new ErrorMappingInterceptor(NullLogger<ErrorMappingInterceptor>.Instance);

        var rpc = await Assert.ThrowsAsync<RpcException>(() => interceptor.UnaryServerHandler<string, string>(
            "request",
            new FakeServerCallContext(),
            (_, _) => throw new InvalidOperationException("secret connection string mongodb://user:pw@host")));

        Assert.Equal(StatusCode.Internal, rpc.StatusCode);
        Assert.DoesNotContain("secret", rpc.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", rpc.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handler_passes_rpc_exceptions_through_unchanged()
    {
        var interceptor = new ErrorMappingInterceptor(NullLogger<ErrorMappingInterceptor>.Instance);
        var original = new RpcException(new Grpc.Core.Status(StatusCode.PermissionDenied, "Nej."));

        var rpc = await Assert.ThrowsAsync<RpcException>(() => interceptor.UnaryServerHandler<string, string>(
            "request", new FakeServerCallContext(), (_, _) => throw original));

        Assert.Same(original, rpc);
    }

    private sealed class FakeServerCallContext : ServerCallContext
    {
        protected override string MethodCore => "/finsam.test.v1.Test/Call";

        protected override string HostCore => "localhost";

        protected override string PeerCore => "ipv4:127.0.0.1:1";

        protected override DateTime DeadlineCore => DateTime.MaxValue;

        protected override Metadata RequestHeadersCore { get; } = [];

        protected override CancellationToken CancellationTokenCore => CancellationToken.None;

        protected override Metadata ResponseTrailersCore { get; } = [];

        protected override Grpc.Core.Status StatusCore { get; set; }

        protected override WriteOptions? WriteOptionsCore { get; set; }

        protected override AuthContext AuthContextCore { get; } = new(null, []);

        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
            throw new NotSupportedException();

        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
    }
}
