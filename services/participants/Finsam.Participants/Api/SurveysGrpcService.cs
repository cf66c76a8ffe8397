using Finsam.Participants.Application.Surveys;
using Finsam.Protos.Participants.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Model = Finsam.Participants.Domain.Surveys;

namespace Finsam.Participants.Api;

/// <summary>finsam.participants.v1.SurveysService: gRPC, and REST through JSON transcoding.</summary>
[Authorize]
public sealed class SurveysGrpcService(
    ListSurveyInstrumentsHandler list,
    GetSurveyInstrumentHandler get,
    DefineSurveyInstrumentVersionHandler define,
    SubmitSurveyAnswerHandler submit,
    SummarizeSurveyAnswersHandler summarize)
    : SurveysService.SurveysServiceBase
{
    public override async Task<ListSurveyInstrumentsResponse> ListSurveyInstruments(ListSurveyInstrumentsRequest request, ServerCallContext context)
    {
        var (page, next) = await list.HandleAsync(context.GetAccessContext(), request.PageSize, request.PageToken, context.CancellationToken);
        return new ListSurveyInstrumentsResponse { Instruments = { page.Select(ToProto) }, NextPageToken = next ?? "" };
    }

    public override async Task<SurveyInstrument> GetSurveyInstrument(GetSurveyInstrumentRequest request, ServerCallContext context) =>
        ToProto(await get.HandleAsync(context.GetAccessContext(), request.InstrumentId, request.Version, context.CancellationToken));

    public override async Task<SurveyInstrument> DefineSurveyInstrumentVersion(DefineSurveyInstrumentVersionRequest request, ServerCallContext context) =>
        ToProto(await define.HandleAsync(
            context.GetAccessContext(),
            new DefineSurveyInstrumentVersionCommand(
                request.InstrumentId,
                request.Name,
                request.Questions.Select(q => new Model.SurveyQuestion(q.Code, q.Text, q.Options.Select(o => new Model.SurveyOption(o.Code, o.Label)).ToList())).ToList()),
            context.CancellationToken));

    public override async Task<SurveyAnswer> SubmitSurveyAnswer(SubmitSurveyAnswerRequest request, ServerCallContext context)
    {
        var answer = await submit.HandleAsync(
            context.GetAccessContext(),
            new SubmitSurveyAnswerCommand(request.RequestId, request.InstrumentId, request.InstrumentVersion, request.InsatsId, request.Period, request.Answers),
            context.CancellationToken);
        return new SurveyAnswer
        {
            SurveyAnswerId = answer.Id,
            InsatsId = answer.InsatsId,
            Period = answer.Period.ToString(),
            InstrumentId = answer.InstrumentId,
            InstrumentVersion = answer.InstrumentVersion,
            Answers = { answer.Answers.ToDictionary() },
        };
    }

    public override async Task<SurveyAnswerSummary> SummarizeSurveyAnswers(SummarizeSurveyAnswersRequest request, ServerCallContext context)
    {
        var summary = await summarize.HandleAsync(
            context.GetAccessContext(),
            new SummarizeSurveyAnswersQuery(request.InsatsId, request.InstrumentId, request.InstrumentVersion, request.FromPeriod, request.ToPeriod),
            context.CancellationToken);
        return new SurveyAnswerSummary
        {
            InstrumentId = summary.InstrumentId,
            InsatsId = summary.InsatsId ?? "",
            FromPeriod = summary.FromPeriod?.ToString() ?? "",
            ToPeriod = summary.ToPeriod?.ToString() ?? "",
            Versions =
            {
                summary.Versions.Select(v => new SurveyVersionSummary
                {
                    InstrumentVersion = v.Instrument.Version,
                    AnswerCount = v.Answers,
                    Questions =
                    {
                        v.Questions.Select(q => new SurveyQuestionSummary
                        {
                            Code = q.Question.Code,
                            Text = q.Question.Text,
                            N = q.N,
                            Options = { q.Options.Select(o => new SurveyOptionCount { Code = o.Option.Code, Label = o.Option.Label, Count = o.Count }) },
                        }),
                    },
                }),
            },
        };
    }

    private static SurveyInstrument ToProto(Model.SurveyInstrument instrument) => new()
    {
        InstrumentId = instrument.InstrumentId,
        Version = instrument.Version,
        Name = instrument.Name,
        Questions =
        {
            instrument.Questions.Select(q => new SurveyQuestion
            {
                Code = q.Code,
                Text = q.Text,
                Options = { q.Options.Select(o => new SurveyOption { Code = o.Code, Label = o.Label }) },
            }),
        },
        DefineTime = instrument.DefinedAt is { } at ? Timestamp.FromDateTime(at) : null,
    };
}
