using FsCheck;
using FsCheck.Fluent;
using Hindsight.Retrieval;

namespace Hindsight.Tests.Retrieval;

public sealed class DenseRankTests
{
    [Fact]
    public void PositionOf_AgreesWithTheList_WhenBuiltAtOnceAndWhenExtended() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            var documents = random.Next(1, 3000);
            var density = random.NextDouble();
            var docs = Enumerable.Range(0, documents).Where(_ => random.NextDouble() < density).ToArray();
            var split = random.Next(docs.Length + 1);
            var whole = DenseRank.Extend(null, docs);
            var extended = DenseRank.Extend(DenseRank.Extend(null, docs.AsSpan(0, split)), docs);
            return Enumerable.Range(-1, documents + 70).All(doc =>
            {
                var expected = Array.BinarySearch(docs, doc) is var at and >= 0 ? at : -1;
                return whole.PositionOf(doc) == expected && extended.PositionOf(doc) == expected;
            }) && whole.Covered == docs.Length && extended.Covered == docs.Length;
        }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData(1024, 32_767, true)]
    [InlineData(1024, 32_768, false)]
    [InlineData(1023, 1023, false)]
    public void IsWorthIt_OnlyForLargeListsHoldingOneDocumentInThirtyTwo(int count, int lastDoc, bool expected) =>
        Assert.Equal(expected, DenseRank.IsWorthIt(count, lastDoc));
}
