using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Validation;

namespace Hindsight.Tests.Validation;

public sealed class RecordValidatorTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Incident Valid => new() { Id = "A", Title = "t", StartedAt = T0 };

    [Fact]
    public void Validate_MinimalIncident_IsValid() => Assert.Empty(RecordValidator.Validate(Valid));

    [Theory]
    [InlineData("detected_at", -1, 0, 0, 0)]
    [InlineData("acknowledged_at", 10, 5, 0, 0)]
    [InlineData("resolved_at", 0, 0, 30, 20)]
    public void Validate_TimesOutOfOrder_NameTheField(string field, int detect, int ack, int mitigate, int resolve)
    {
        var i = Valid with
        {
            DetectedAt = detect == 0 ? null : T0.AddMinutes(detect),
            AcknowledgedAt = ack == 0 ? null : T0.AddMinutes(ack),
            MitigatedAt = mitigate == 0 ? null : T0.AddMinutes(mitigate),
            ResolvedAt = resolve == 0 ? null : T0.AddMinutes(resolve),
        };

        Assert.Contains(RecordValidator.Validate(i), e => e.Field == field);
    }

    [Fact]
    public void Validate_ReportsEveryProblem_WithPaths()
    {
        var i = new Incident
        {
            Id = "A",
            Title = " ",
            Links = [new IncidentLink("A", LinkKind.Duplicate)],
            ActionItems = [new ActionItem { Title = "", ExpectedEffect = double.NaN }],
        };

        var fields = RecordValidator.Validate(i).Select(e => e.Field).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["action_items[0].expected_effect", "action_items[0].title", "links[0].id", "started_at", "title"], fields);
    }

    [Fact]
    public void Validate_OtherKinds_CheckTheirRequiredFields()
    {
        Assert.Equal(["service", "deployed_at"], RecordValidator.Validate(new Deployment { Id = "D" }).Select(e => e.Field));
        Assert.Equal(["depends_on"], RecordValidator.Validate(new ServiceDependency { Service = "a", DependsOn = "a" }).Select(e => e.Field));
        Assert.Equal(["weight"], RecordValidator.Validate(new ServiceDependency { Service = "a", DependsOn = "b", Weight = 0 }).Select(e => e.Field));
    }

    [Fact]
    public void Durations_AreMeasuredFromStart_AckFromDetection()
    {
        var d = (Valid with { DetectedAt = T0.AddMinutes(4), AcknowledgedAt = T0.AddMinutes(6), MitigatedAt = T0.AddMinutes(30), ResolvedAt = T0.AddMinutes(90) }).Durations;

        Assert.Equal((4, 2, 30, 90), (d.TimeToDetect!.Value.TotalMinutes, d.TimeToAcknowledge!.Value.TotalMinutes, d.TimeToMitigate!.Value.TotalMinutes, d.TimeToResolve!.Value.TotalMinutes));
    }
}
