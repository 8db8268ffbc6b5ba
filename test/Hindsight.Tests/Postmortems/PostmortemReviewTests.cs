using Hindsight.Incidents;
using Hindsight.Postmortems;

namespace Hindsight.Tests.Postmortems;

public sealed class PostmortemReviewTests
{
    [Fact]
    public void AFullRecord_PassesEveryCheck()
    {
        var checks = PostmortemReview.Check(PostmortemDraftTests.Full());
        Assert.Equal(PostmortemReview.Checks, checks.Select(c => c.Name));
        Assert.All(checks, c => Assert.True(c.Passed, $"{c.Name}: {c.Detail}"));
    }

    [Fact]
    public void ADraftWithNoActionItemsAndBlamingWords_IsFlagged()
    {
        var incident = PostmortemDraftTests.Full() with
        {
            ActionItems = [],
            Summary = "The outage was caused by human error: the operator was careless and should have checked the config.",
        };
        var draft = PostmortemDraft.Write(incident, DraftContext.None);
        var checks = PostmortemReview.Check(PostmortemDraftTests.ReadBack(draft, incident.Id)).ToDictionary(c => c.Name);
        Assert.False(checks["action_items_tracked"].Passed);
        Assert.False(checks["blameless_wording"].Passed);
        Assert.Contains("\"human error\"", checks["blameless_wording"].Detail, StringComparison.Ordinal);
        Assert.Contains("\"careless\"", checks["blameless_wording"].Detail, StringComparison.Ordinal);
        Assert.Contains("\"should have checked\"", checks["blameless_wording"].Detail, StringComparison.Ordinal);
        Assert.True(checks["responders_named"].Passed);
    }

    [Fact]
    public void UntrackedItems_NoResponders_AndASeverityOffTheRubric_AreFlagged()
    {
        var incident = PostmortemDraftTests.Full() with
        {
            Severity = Severity.Sev3, // 4 services read as SEV0 by the rubric: three levels off
            Services = ["a", "b", "c", "d"],
            Responders = [],
            ActionItems = [new ActionItem { Title = "Do something" }, new ActionItem { Title = "Done thing", Status = ActionItemStatus.Done }],
        };
        var checks = PostmortemReview.Check(incident).ToDictionary(c => c.Name);
        Assert.Equal("'Do something' has no owner or due date", checks["action_items_tracked"].Detail);
        Assert.False(checks["responders_named"].Passed);
        Assert.False(checks["severity_by_rubric"].Passed);
        Assert.Contains("reads the impact as SEV0", checks["severity_by_rubric"].Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The deploy went out without a canary", 0)]
    [InlineData("Root cause: human error by the on-call", 1)]
    [InlineData("It was her fault; she was careless", 2)]
    [InlineData("担当者の不注意による設定ミス", 1)]
    [InlineData("A faulty disk; the fault domain was shared", 0)]
    public void BlamingLanguage_IsFoundInPhrasesNotWords(string text, int expected) =>
        Assert.Equal(expected, BlamingLanguage.Find(text).Count);
}
