using Finsam.Platform.Grpc;
using Finsam.Platform.Security;
using Finsam.Protos.Reporting.V1;
using Finsam.Reporting.Application.Access;
using Finsam.Reporting.Application.ExportLog;
using Finsam.Reporting.Application.Frozen;
using Finsam.Reporting.Application.ReadModels;
using Finsam.Reporting.Application.Reports;
using Finsam.Reporting.Domain.Persons;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Net.Http.Headers;

namespace Finsam.Reporting.Api;

/// <summary>
/// finsam.reporting.v1.ReportingService: gRPC, and REST through JSON transcoding. Every method but the summary needs a
/// valid token; who sees what is decided in <see cref="ReportingAccess"/>.
/// </summary>
[Authorize]
public sealed class ReportingGrpcService(
    ReadModelProjector projector,
    AnnualReports reports,
    ReportExports exports,
    FrozenReports frozenReports,
    IExportLog exportLog,
    ReadModelRebuild rebuild) : ReportingService.ReportingServiceBase
{
    private const int MaxExportLogPage = 500;
    private const int DefaultExportLogPage = 100;

    /// <summary>Open until the gateway issue: registered participants by gender is the smoke test of the README.</summary>
    [AllowAnonymous]
    public override async Task<Summary> GetSummary(GetSummaryRequest request, ServerCallContext context)
    {
        var summary = await projector.ReadAsync((model, _) => GenderSummary.Of(model.Persons.Entities), context.CancellationToken);
        return new Summary
        {
            RegisteredParticipants = summary.Total,
            Women = summary.Women,
            Men = summary.Men,
            Other = summary.Other,
        };
    }

    public override async Task<AnnualReport> GetAnnualReport(GetAnnualReportRequest request, ServerCallContext context)
    {
        var query = new ReportQuery(request.InsatsId, request.Year, request.From, request.To, ViewOf(request.View));
        var (report, _, _) = await reports.GetAsync(context.GetCaller(), query, context.CancellationToken);
        return AnnualReportMapping.ToProto(report);
    }

    public override async Task<HttpBody> ExportAnnualReport(ExportAnnualReportRequest request, ServerCallContext context)
    {
        var query = new ReportQuery(request.InsatsId, request.Year, request.From, request.To, ViewOf(request.View));
        var format = request.Format switch
        {
            ExportFormat.Csv => ExportFormatKind.Csv,
            ExportFormat.Html => ExportFormatKind.Html,
            _ => (ExportFormatKind?)null,
        };
        return Download(context, await exports.ExportReportAsync(context.GetCaller(), query, format, request.Table, context.CancellationToken));
    }

    public override async Task<Protos.Reporting.V1.FrozenReport> FreezeAnnualReport(FreezeAnnualReportRequest request, ServerCallContext context)
    {
        var frozen = await frozenReports.FreezeAsync(context.GetCaller(), request.InsatsId, request.Year, context.CancellationToken);
        return ToProto(frozen);
    }

    public override async Task<ListFrozenReportsResponse> ListFrozenReports(ListFrozenReportsRequest request, ServerCallContext context)
    {
        var headers = await frozenReports.ListAsync(context.GetCaller(), request.Year, context.CancellationToken);
        var response = new ListFrozenReportsResponse();
        response.FrozenReports.AddRange(headers.Select(ToProto));
        return response;
    }

    public override async Task<Protos.Reporting.V1.FrozenReport> GetFrozenReport(GetFrozenReportRequest request, ServerCallContext context)
    {
        var (frozen, _) = await frozenReports.GetAsync(context.GetCaller(), request.FrozenReportId, context.CancellationToken);
        return ToProto(frozen);
    }

    public override async Task<ReportDiff> DiffFrozenReport(DiffFrozenReportRequest request, ServerCallContext context)
    {
        var (frozen, current) = await frozenReports.CompareAsync(context.GetCaller(), request.FrozenReportId, context.CancellationToken);
        var diff = new ReportDiff
        {
            FrozenReportId = frozen.FrozenReportId,
            FreezeTime = ProtoTimestamps.FromUtc(frozen.FreezeTime),
            FrozenAsOfSequence = frozen.Report.Scope.AsOfSequence,
            CurrentAsOfSequence = current.Scope.AsOfSequence,
        };
        diff.Changes.AddRange(ReportDiffing.Diff(AnnualReportMapping.ToProto(frozen.Report), AnnualReportMapping.ToProto(current)));
        return diff;
    }

    public override async Task<UppfoljningFinsamCounts> GetUppfoljningFinsamCounts(GetUppfoljningFinsamCountsRequest request, ServerCallContext context)
    {
        var query = new ReportQuery(null, request.Year, request.From, request.To, ViewOf(request.View));
        var (counts, view) = await exports.UppfoljningFinsamAsync(context.GetCaller(), query, context.CancellationToken);
        return UppfoljningFinsamMapping.ToProto(counts, view == ReportViewKind.Protected);
    }

    public override async Task<HttpBody> ExportParticipantRows(ExportParticipantRowsRequest request, ServerCallContext context)
    {
        var query = new ReportQuery(request.InsatsId, request.Year, request.From, request.To, ReportViewKind.Exact);
        return Download(context, await exports.ParticipantRowsAsync(context.GetCaller(), query, context.CancellationToken));
    }

    public override async Task<ListExportsResponse> ListExports(ListExportsRequest request, ServerCallContext context)
    {
        ReportingAccess.RequireExportLogReader(context.GetCaller());
        if (request.PageSize < 0)
        {
            throw new Finsam.Platform.Errors.ValidationFailedException([new("page_size", "Sidstorleken kan inte vara negativ.")]);
        }

        if (!string.IsNullOrEmpty(request.PageToken) && !ExportIds.IsWellFormed(request.PageToken))
        {
            throw new Finsam.Platform.Errors.ValidationFailedException([new("page_token", "Sidmarkören känns inte igen; använd next_page_token från föregående sida.")]);
        }

        var size = request.PageSize == 0 ? DefaultExportLogPage : Math.Min(request.PageSize, MaxExportLogPage);
        var (entries, next) = await exportLog.ListAsync(size, string.IsNullOrEmpty(request.PageToken) ? null : request.PageToken, context.CancellationToken);
        var response = new ListExportsResponse { NextPageToken = next ?? "" };
        response.Exports.AddRange(entries.Select(e => new Protos.Reporting.V1.ExportLogEntry
        {
            ExportId = e.ExportId,
            ExportTime = ProtoTimestamps.FromUtc(e.ExportTime),
            Subject = e.Subject,
            Role = e.Role,
            What = e.What,
            InsatsId = e.InsatsId ?? "",
            From = Finsam.Platform.Time.IsoDates.ToIso(e.From),
            To = Finsam.Platform.Time.IsoDates.ToIso(e.To),
            View = e.View,
            Items = e.Items,
        }));
        return response;
    }

    public override async Task<RebuildReadModelsResponse> RebuildReadModels(RebuildReadModelsRequest request, ServerCallContext context)
    {
        ReportingAccess.RequireAdministrator(context.GetCaller());
        var result = await rebuild.RunAsync(context.CancellationToken);
        return new RebuildReadModelsResponse
        {
            Events = result.Events + result.UnlinkedEvents,
            Entities = result.Entities,
            AsOfSequence = result.Checkpoint.Sequence,
            Seconds = (result.Replay + result.Write).TotalSeconds,
        };
    }

    private static ReportViewKind? ViewOf(ReportView view) => view switch
    {
        ReportView.Exact => ReportViewKind.Exact,
        ReportView.Protected => ReportViewKind.Protected,
        _ => null,
    };

    /// <summary>A file over REST (HttpBody) with a download name; over gRPC the same bytes in the message.</summary>
    private static HttpBody Download(ServerCallContext context, ExportedFile file)
    {
        var http = context.GetHttpContext();
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(file.FileName);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        return new HttpBody { ContentType = file.ContentType, Data = ByteString.CopyFrom(file.Content) };
    }

    private static Protos.Reporting.V1.FrozenReport ToProto(Application.Frozen.FrozenReport frozen)
    {
        var proto = ToProto(new FrozenReportHeader(frozen.FrozenReportId, frozen.InsatsId, frozen.Year, frozen.FreezeTime, frozen.FrozenBy));
        proto.Report = AnnualReportMapping.ToProto(frozen.Report);
        return proto;
    }

    /// <summary>A frozen report without its figures, as lists show it.</summary>
    private static Protos.Reporting.V1.FrozenReport ToProto(FrozenReportHeader header) => new()
    {
        FrozenReportId = header.FrozenReportId,
        InsatsId = header.InsatsId ?? "",
        Year = header.Year,
        FreezeTime = ProtoTimestamps.FromUtc(header.FreezeTime),
        FrozenBy = header.FrozenBy,
    };
}
